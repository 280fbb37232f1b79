package dev.benchrun.render;

/**
 * Text made safe for HTML element content and quoted attribute values: the one escaper of every
 * page benchrun writes (the report, the differential flame graph).
 */
public final class Html {

    private Html() {}

    /**
     * Escapes the five characters that could end a text node or an attribute, and shows control
     * characters as escapes, so any value shows as text.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        text = Printable.visible(text);
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * An escaped href for a path relative to the report, or null where the path has a scheme
     * ({@code javascript:}, {@code https:}) or is absolute: the page links only to files beside it.
     */
    static String relativeHref(String path) {
        if (path == null || path.contains(":") || path.startsWith("/") || path.startsWith("\\")) {
            return null;
        }
        return escape(path.replace(" ", "%20").replace("#", "%23").replace("?", "%3F"));
    }
}
