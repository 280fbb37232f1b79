package dev.benchrun.render;

import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Verdict;
import java.util.ArrayList;
import java.util.Locale;

/**
 * The comparison as JUnit XML, as Jenkins and GitLab read it: one testsuite per category, one
 * testcase per benchmark, a failure for each REGRESSION (and each WARNING with --fail-on warning),
 * and a failure for each benchmark missing from the candidate under --strict.
 */
public final class CompareJunit {

    private CompareJunit() {}

    public static String render(Comparison c, boolean warningsFail, boolean strict) {
        var suites = new ArrayList<JunitXml.Suite>();
        for (var summary : c.categories()) {
            var cases = c.benchmarks().stream().filter(d -> d.category().equals(summary.category()))
                    .map(d -> testcase(d, warningsFail)).toList();
            suites.add(new JunitXml.Suite(summary.category(), cases));
        }
        if (strict && !c.onlyInBaseline().isEmpty()) {
            var missing = new JunitXml.Problem("missing", "in the baseline but not in the candidate");
            suites.add(new JunitXml.Suite("missing", c.onlyInBaseline().stream()
                    .map(name -> new JunitXml.Case("benchrun.missing", name, missing, null, null)).toList()));
        }
        return JunitXml.render("benchrun compare", suites);
    }

    static boolean fails(Verdict verdict, boolean warningsFail) {
        return verdict == Verdict.REGRESSION || warningsFail && verdict == Verdict.WARNING;
    }

    private static JunitXml.Case testcase(Delta d, boolean warningsFail) {
        String message = message(d);
        var failure = fails(d.verdict(), warningsFail) ? new JunitXml.Problem(d.verdict().label(), message) : null;
        return new JunitXml.Case("benchrun." + d.category(), d.displayName(), failure, null, message);
    }

    private static String message(Delta d) {
        String change = CompareRows.change(d.change());
        String text = String.format(Locale.ROOT, "%s: %s → %s %s, change %s, p %s", d.verdict().label(),
                CompareRows.side(d.baseline()), CompareRows.side(d.candidate()), d.unit(), change, CompareRows.p(d.pValue()));
        String notes = CompareRows.notes(d);
        String withNotes = notes.isEmpty() ? text : text + "; " + notes;
        var hotspots = CompareRows.hotspots(d);
        return hotspots.isEmpty() ? withNotes : withNotes + "\nHotspots:\n" + String.join("\n", hotspots);
    }
}
