package dev.benchrun.render;

import picocli.CommandLine.Help.Ansi;

/** ANSI colour for terminals; plain text when colour is off (NO_COLOR, --no-color, not a terminal). */
public record Style(boolean color) {

    public static final Style PLAIN = new Style(false);

    public String good(String text) {
        return wrap(Ansi.Style.fg_green, text);
    }

    public String bad(String text) {
        return wrap(Ansi.Style.fg_red, text);
    }

    public String warn(String text) {
        return wrap(Ansi.Style.fg_yellow, text);
    }

    public String bold(String text) {
        return wrap(Ansi.Style.bold, text);
    }

    public String dim(String text) {
        return wrap(Ansi.Style.faint, text);
    }

    /**
     * picocli's codes, closed by a full reset rather than picocli's per-style "off" codes: bold's
     * off, 21, is double underline on many terminals. The text is not parsed as picocli markup.
     */
    private String wrap(Ansi.Style style, String text) {
        return color ? style.on() + text + Ansi.Style.reset.on() : text;
    }

    /** The visible width of text that may hold colour codes. */
    static int width(String text) {
        String plain = text.replaceAll("\u001b\\[[0-9;]*m", "");
        return plain.codePointCount(0, plain.length());
    }
}
