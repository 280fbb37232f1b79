package dev.benchrun.render;

import java.util.regex.Pattern;

/**
 * Text from outside benchrun (a name typed on the command line, a param or label read from a file)
 * made safe to show: control characters and the invisible marks that reorder a line are replaced
 * by escapes a reader can see, so a value can neither split an error line nor send a sequence to
 * the terminal.
 */
public final class Printable {

    private static final Pattern COLOUR = Pattern.compile("\u001b\\[[0-9;]*m");

    private Printable() {}

    /** The text with every control or bidirectional-override character written as an escape. */
    public static String visible(String text) {
        if (text == null || text.codePoints().noneMatch(Printable::isHidden)) {
            return text;
        }
        var out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (!isHidden(c)) {
                out.appendCodePoint(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }

    /**
     * As {@link #visible}, but the colour sequences {@link Style} writes ({@code ESC[…m}) are kept:
     * for terminal cells that benchrun has already coloured.
     */
    public static String visibleExceptColour(String text) {
        if (!hasHidden(text)) {
            return text;
        }
        var out = new StringBuilder(text.length() + 8);
        var colour = COLOUR.matcher(text);
        int from = 0;
        while (colour.find()) {
            out.append(visible(text.substring(from, colour.start()))).append(colour.group());
            from = colour.end();
        }
        return out.append(visible(text.substring(from))).toString();
    }

    /** Whether the text holds a character {@link #visible} would replace. */
    public static boolean hasHidden(String text) {
        return text != null && text.codePoints().anyMatch(Printable::isHidden);
    }

    /** C0 and C1 controls, DEL, the line and paragraph separators and the bidi embeddings, overrides and isolates. */
    private static boolean isHidden(int c) {
        return Character.isISOControl(c)
                || c == 0x2028
                || c == 0x2029
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
