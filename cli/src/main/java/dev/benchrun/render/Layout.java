package dev.benchrun.render;

import dev.benchrun.model.Comparison;
import dev.benchrun.model.Report;
import dev.benchrun.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which sections a report shows and in which order, decided here once for every document format:
 * a compare result shows its sides, its table and its footer; a report shows the run's sections,
 * with the comparison's columns and sections where it has a baseline.
 */
final class Layout {

    private Layout() {}

    static String walk(Report r, Sections out) {
        out.begin(ReportText.title(r));
        if (r.run() == null) {
            compareResult(r.comparison(), out);
        } else {
            report(r, out);
        }
        return out.end();
    }

    private static void compareResult(Comparison c, Sections out) {
        out.sides(c);
        out.comparison(c);
        out.footer(ReportText.footer(c));
        recommendations(c, out);
    }

    /** Last, where there are any: what to do next. */
    private static void recommendations(Comparison c, Sections out) {
        if (c != null && !c.recommendations().isEmpty()) {
            out.recommendations(
                    c.recommendations().stream().map(ReportText::recommendation).toList());
        }
    }

    private static void report(Report r, Sections out) {
        var run = r.run();
        var c = r.comparison();
        out.headline(ReportText.headline(r), run.total().regressions() > 0);
        out.execution(ReportText.execution(r));
        out.summary(run, c != null);
        if (c != null) {
            var compared =
                    select(run.benchmarks(), l -> l.delta() != null && l.delta().change() != null);
            if (!compared.isEmpty()) {
                out.changeChart(compared, c);
            }
        }
        out.results(byCategory(run.benchmarks()), c);
        if (c != null) {
            out.changes(
                    "Regressions",
                    select(run.benchmarks(), l -> ReportText.worse(l.verdict())),
                    "No regressions.",
                    r.artefacts());
            out.changes(
                    "Improvements",
                    select(run.benchmarks(), l -> l.verdict() == Verdict.IMPROVEMENT),
                    "No improvements.",
                    r.artefacts());
        }
        var budgeted = select(run.benchmarks(), l -> l.budget() != null);
        if (!budgeted.isEmpty()) {
            out.targets(budgeted);
        }
        if (!r.providers().isEmpty()) {
            out.providers(r.providers());
        }
        if (r.variants() != null) {
            out.variants(r.variants());
        }
        if (r.history() != null) {
            out.history(r.history());
        }
        if (!run.failures().isEmpty()) {
            out.failures(run.failures());
        }
        var notes = new ArrayList<>(ReportText.comparisonNotes(r));
        notes.addAll(ReportText.steadyStateNotes(run));
        notes.addAll(ReportText.machineNotes(r));
        if (!notes.isEmpty()) {
            out.notes(notes);
        }
        out.artefacts(r.artefacts());
        recommendations(c, out);
    }

    private static List<Report.Line> select(List<Report.Line> lines, Predicate<Report.Line> which) {
        return lines.stream().filter(which).toList();
    }

    /** The lines by category, in the order they come (the report's lines are grouped already). */
    private static Map<String, List<Report.Line>> byCategory(List<Report.Line> lines) {
        var groups = new LinkedHashMap<String, List<Report.Line>>();
        lines.forEach(l ->
                groups.computeIfAbsent(l.category(), k -> new ArrayList<>()).add(l));
        return groups;
    }
}
