package dev.benchrun.render;

import dev.benchrun.BenchrunException;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Report;
import dev.benchrun.json.Json;

/** Picks the renderer for a format. */
public final class Output {

    private Output() {}

    public static String comparison(String format, Comparison comparison, Style style, boolean warningsFail,
            boolean strict) {
        return switch (format) {
            case "table" -> CompareTable.render(comparison, style);
            case "markdown", "md" -> CompareMarkdown.render(comparison);
            case "json" -> Json.write(comparison);
            case "junit" -> CompareJunit.render(comparison, warningsFail, strict);
            default -> throw BenchrunException.input("--format '" + format + "': use table, markdown, json or junit");
        };
    }

    public static String report(String format, Report report, boolean warningsFail) {
        return switch (format) {
            case "markdown", "md" -> ReportMarkdown.render(report);
            case "json" -> Json.write(report);
            case "junit" -> ReportJunit.render(report, warningsFail);
            case "html" -> ReportHtml.render(report);
            default -> throw BenchrunException.input("--format '" + format + "': use markdown, html, json or junit");
        };
    }
}
