package dev.benchrun.render;

import java.util.List;
import java.util.stream.Collectors;

/** Markdown cells and rows that survive any value: pipes, backticks, HTML and control characters are escaped. */
public final class Markdown {

    private Markdown() {}

    public static String row(List<String> cells) {
        return cells.stream().map(c -> c.replace("\n", " ")).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    /** Text with Markdown's and HTML's special characters made literal. */
    public static String escape(String text) {
        return Printable.visible(text)
                .replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("*", "\\*")
                .replace("_", "\\_")
                .replace("`", "\\`");
    }

    /** An inline code span; backticks inside are replaced so the span cannot break. */
    public static String code(String text) {
        return "`" + Printable.visible(text).replace("`", "'").replace("|", "\\|") + "`";
    }
}
