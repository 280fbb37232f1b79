package dev.benchrun.render;

import dev.benchrun.model.Report;
import java.util.Locale;

/** The output formats; each command accepts those that suit it. */
public enum Format {
    /** Aligned columns for a terminal. */
    TABLE,
    /** GitHub-flavoured Markdown, for pull-request comments and job summaries. */
    MARKDOWN,
    /** One self-contained page. */
    HTML,
    /** Compare JSON for a compare result, report JSON for a report. */
    JSON,
    /** JUnit XML, as CI servers read test results. */
    JUNIT;

    /** Renders a report (or a compare result, which is a report with only its comparison) in this format. */
    public String render(Report report, RenderOptions options) {
        return switch (this) {
            case TABLE -> Layout.walk(report, new ReportTable(options.style()));
            case MARKDOWN -> Layout.walk(report, new ReportMarkdown());
            case HTML -> Layout.walk(report, new ReportHtml());
            case JSON -> ReportJson.render(report);
            case JUNIT -> ReportJunit.render(report, options);
        };
    }

    /** The format of this name in any case, or of its alias {@code md}; null for none. */
    public static Format named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Format format : values()) {
            if (format.toString().equals(lower)) {
                return format;
            }
        }
        return lower.equals("md") ? MARKDOWN : null;
    }

    /** As users type it: {@code markdown}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
