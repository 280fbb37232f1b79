package dev.benchrun.render;

import dev.benchrun.model.BenchmarkFailure;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Report;
import java.util.List;
import java.util.Map;

/**
 * How one document format (terminal text, Markdown, HTML) writes each section of a report;
 * {@link Layout} decides which sections appear and in which order, once for all of them.
 */
interface Sections {

    /** The document's start, with its title. */
    void begin(String title);

    /** A compare result: what the two sides are. */
    void sides(Comparison c);

    /** A compare result: every benchmark compared, by category, with each category's geometric mean. */
    void comparison(Comparison c);

    /** A compare result: the lines under its table ({@link ReportText#footer}). */
    void footer(List<String> lines);

    /** A report: the sentence that sums it up; {@code bad} when something regressed. */
    void headline(String headline, boolean bad);

    void execution(List<ReportText.Detail> details);

    /** The counts per category and in total; a baseline adds regressions and improvements to tell. */
    void summary(Report.Run run, boolean compared);

    /** Each compared result's change with its interval, drawn; only formats that draw have it. */
    default void changeChart(List<Report.Line> compared, Comparison c) {}

    /**
     * Every result, by category.
     *
     * @param c the comparison whose columns the results show; null without a baseline
     */
    void results(Map<String, List<Report.Line>> byCategory, Comparison c);

    /** The regressions or improvements, each with its change in a sentence, hotspots and profiles. */
    void changes(String title, List<Report.Line> lines, String none, Report.Artefacts artefacts);

    /** The results with a budget, and whether they meet it. */
    void targets(List<Report.Line> budgeted);

    void providers(List<Report.ProviderRow> rows);

    void variants(Report.Variants variants);

    void history(Report.History history);

    /** The benchmarks that threw or crashed. */
    void failures(List<BenchmarkFailure> failures);

    /** A report's notes on its comparison ({@link ReportText#comparisonNotes}). */
    void notes(List<String> notes);

    void artefacts(Report.Artefacts artefacts);

    /** The next steps the measurements support, one line each ({@link ReportText#recommendation}). */
    void recommendations(List<String> lines);

    /** The document's end; returns the whole document. */
    String end();
}
