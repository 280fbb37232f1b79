package dev.benchrun.render;

/** ANSI colour for terminals; plain text when colour is off (NO_COLOR, --no-color, not a terminal). */
public record Style(boolean color) {

    public static final Style PLAIN = new Style(false);

    public String good(String text) {
        return wrap("32", text);
    }

    public String bad(String text) {
        return wrap("31", text);
    }

    public String warn(String text) {
        return wrap("33", text);
    }

    public String bold(String text) {
        return wrap("1", text);
    }

    public String dim(String text) {
        return wrap("2", text);
    }

    private String wrap(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    /** The visible width of text that may hold colour codes. */
    static int width(String text) {
        String plain = text.replaceAll("\u001b\\[[0-9;]*m", "");
        return plain.codePointCount(0, plain.length());
    }
}
