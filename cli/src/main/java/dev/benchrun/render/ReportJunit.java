package dev.benchrun.render;

import dev.benchrun.analysis.ReportAssembler;
import dev.benchrun.model.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The report as JUnit XML: a testsuite per category, a testcase per benchmark, a failure for a
 * REGRESSION (and a WARNING with --fail-on warning) or a missed budget, an error for a benchmark
 * without a result.
 */
public final class ReportJunit {

    private ReportJunit() {}

    public static String render(Report r, boolean warningsFail) {
        var byCategory = new TreeMap<String, List<JunitXml.Case>>();
        for (var l : r.benchmarks()) {
            byCategory.computeIfAbsent(l.category(), c -> new ArrayList<>()).add(testcase(l, warningsFail));
        }
        var suites = new ArrayList<JunitXml.Suite>();
        byCategory.forEach((category, cases) -> suites.add(new JunitXml.Suite(category, cases)));
        if (!r.failures().isEmpty()) {
            suites.add(new JunitXml.Suite(ReportAssembler.FAILED, r.failures().stream()
                    .map(f -> new JunitXml.Case("benchrun.failed", f.displayName(), null,
                            new JunitXml.Problem("no result", f.reason()), null))
                    .toList()));
        }
        return JunitXml.render("benchrun report " + r.execution().runId(), suites);
    }

    private static JunitXml.Case testcase(Report.Line l, boolean warningsFail) {
        var problems = new ArrayList<String>();
        String type = null;
        if (l.verdict() != null && CompareJunit.fails(l.verdict(), warningsFail)) {
            type = l.verdict().label();
            problems.add(l.verdict().label() + ": " + ReportText.changeSentence(l));
        }
        if (Boolean.FALSE.equals(l.budgetMet())) {
            type = type == null ? "budget" : type;
            problems.add("misses budget " + l.budget() + ": " + ReportText.current(l));
        }
        var failure = problems.isEmpty() ? null : new JunitXml.Problem(type, String.join("; ", problems));
        return new JunitXml.Case("benchrun." + l.category(), l.name(), failure, null, output(l));
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
            text.append("; ").append(l.verdict().label()).append(' ').append(ReportText.change(l));
            if (l.pValue() != null) {
                text.append(", p ").append(ReportText.p(l));
            }
        }
        if (l.budget() != null) {
            text.append("; budget ").append(l.budget()).append(' ').append(ReportText.budgetStatus(l));
        }
        return text.toString();
    }
}
