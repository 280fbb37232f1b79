package dev.benchrun.render;

/**
 * Text from outside benchrun (a name typed on the command line, a param or label read from a file)
 * made safe to show: control characters and the invisible marks that reorder a line are replaced
 * by escapes a reader can see, so a value can neither split an error line nor send a sequence to
 * the terminal.
 */
public final class Printable {

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
