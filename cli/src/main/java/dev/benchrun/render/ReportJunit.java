package dev.benchrun.render;

import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Recommendation;
import dev.benchrun.model.Report;
import dev.benchrun.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A report as JUnit XML, as Jenkins and GitLab read it: a testsuite per category, a testcase per
 * benchmark, a failure for a REGRESSION (and a WARNING with --fail-on warning) or a missed budget,
 * an error for a benchmark without a result. A compare result has a testcase per benchmark on both
 * sides (skipped where the units do not convert), and with --strict a failure for each benchmark
 * missing from the candidate or not compared.
 */
final class ReportJunit {

    private ReportJunit() {}

    static String render(Report r, RenderOptions options) {
        return r.run() == null ? comparison(r.comparison(), options) : report(r, options);
    }

    private static String comparison(Comparison c, RenderOptions options) {
        var suites = new ArrayList<JunitXml.Suite>();
        for (var summary : c.categories()) {
            var cases = c.benchmarksIn(summary.category()).stream()
                    .map(d -> testcase(c, d, options))
                    .toList();
            suites.add(new JunitXml.Suite(summary.category(), cases));
        }
        if (options.strict() && !c.onlyInBaseline().isEmpty()) {
            var missing = new JunitXml.Problem("missing", "in the baseline but not in the candidate");
            suites.add(new JunitXml.Suite(
                    "missing",
                    c.onlyInBaseline().stream()
                            .map(name -> new JunitXml.Case("benchrun.missing", name, missing, null, null))
                            .toList()));
        }
        return JunitXml.render("benchrun compare", suites);
    }

    /**
     * A benchmark that could not be compared is skipped, or with --strict a failure; an
     * INCONCLUSIVE one is skipped, or with --fail-on inconclusive a failure.
     */
    private static JunitXml.Case testcase(Comparison c, Delta d, RenderOptions options) {
        String message = message(d);
        var advice = c.recommendationsFor(d);
        if (!advice.isEmpty()) {
            message += "\nRecommendations:\n"
                    + String.join(
                            "\n",
                            advice.stream().map(ReportText::recommendation).toList());
        }
        boolean notCompared = !d.verdict().compared();
        var failure = fails(d.verdict(), options) || notCompared && options.strict()
                ? new JunitXml.Problem(d.verdict().label(), message)
                : null;
        // Not judged, or not decided: neither passed nor failed unless the gate says so.
        boolean undecided = notCompared || d.verdict() == Verdict.INCONCLUSIVE;
        String skipped = undecided && failure == null ? message : null;
        return new JunitXml.Case(
                "benchrun." + d.category(), c.nameOf(d), failure, null, message, skipped, d.wallSeconds());
    }

    /** "REGRESSION: 11.43 ± 0.6% → 14.98 ± 1.4% us/op, change +31.1% [+27.6%, +34.2%], p <0.001", notes, hotspots. */
    private static String message(Delta d) {
        if (!d.verdict().compared()) {
            return d.verdict().label() + ": " + ReportText.notes(d, true);
        }
        String text = String.format(
                Locale.ROOT,
                "%s: %s → %s %s, change %s, p %s",
                d.verdict().label(),
                ReportText.mean(d.baseline()),
                ReportText.mean(d.candidate()),
                d.unit(),
                ReportText.change(d.change()),
                ReportText.p(d.pValue()));
        String notes = ReportText.notes(d, true);
        String withNotes = notes.isEmpty() ? text : text + "; " + notes;
        var hotspots = ReportText.hotspots(d);
        return hotspots.isEmpty() ? withNotes : withNotes + "\nHotspots:\n" + String.join("\n", hotspots);
    }

    private static boolean fails(Verdict verdict, RenderOptions options) {
        return options.fails(verdict);
    }

    private static String report(Report r, RenderOptions options) {
        var byCategory = new TreeMap<String, List<JunitXml.Case>>();
        for (var l : r.run().benchmarks()) {
            byCategory.computeIfAbsent(l.category(), c -> new ArrayList<>()).add(testcase(r.comparison(), l, options));
        }
        var suites = new ArrayList<JunitXml.Suite>();
        byCategory.forEach((category, cases) -> suites.add(new JunitXml.Suite(category, cases)));
        var failures = r.run().failures();
        if (!failures.isEmpty()) {
            suites.add(new JunitXml.Suite(
                    Report.CategoryCount.NO_RESULT,
                    failures.stream()
                            .map(f -> new JunitXml.Case(
                                    "benchrun.failed",
                                    f.displayName(),
                                    null,
                                    new JunitXml.Problem("no result", f.reason()),
                                    null))
                            .toList()));
        }
        return JunitXml.render("benchrun report " + r.run().execution().runId(), suites);
    }

    private static JunitXml.Case testcase(Comparison c, Report.Line l, RenderOptions options) {
        var problems = new ArrayList<String>();
        String type = null;
        if (l.verdict() != null && fails(l.verdict(), options)) {
            type = l.verdict().label();
            problems.add(l.verdict().label() + ": " + ReportText.changeSentence(l));
        }
        if (Boolean.FALSE.equals(l.budgetMet())) {
            type = type == null ? "budget" : type;
            problems.add("misses budget " + l.budget() + ": " + ReportText.current(l));
        }
        var failure = problems.isEmpty() ? null : new JunitXml.Problem(type, String.join("; ", problems));
        String output = output(l);
        var advice = c == null || l.delta() == null ? List.<Recommendation>of() : c.recommendationsFor(l.delta());
        if (!advice.isEmpty()) {
            output += "\nRecommendations:\n"
                    + String.join(
                            "\n",
                            advice.stream().map(ReportText::recommendation).toList());
        }
        return new JunitXml.Case("benchrun." + l.category(), l.name(), failure, null, output, null, l.wallSeconds());
    }

    /** "11.98 ± 0.240 us/op, 312 B/op; REGRESSION +50.6% [+48.0%, +52.9%], p <0.001". */
    private static String output(Report.Line l) {
        var text = new StringBuilder(ReportText.score(l));
        if (!ReportText.error(l).isEmpty()) {
            text.append(' ').append(ReportText.error(l));
        }
        text.append(' ').append(l.unit());
        if (l.bytesPerOp() != null) {
            text.append(", ").append(ReportText.bytes(l)).append(" B/op");
        }
        if (l.verdict() != null) {
            text.append("; ").append(l.verdict().label());
            if (l.verdict().compared()) {
                text.append(' ').append(ReportText.change(l));
            }
            if (!ReportText.p(l).isEmpty()) {
                text.append(", p ").append(ReportText.p(l));
            }
        }
        if (l.budget() != null) {
            text.append("; budget ").append(l.budget()).append(' ').append(ReportText.budgetStatus(l));
        }
        return text.toString();
    }
}
