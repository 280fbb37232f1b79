package dev.benchrun.render;

import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Interval;
import dev.benchrun.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The cells of a comparison, shared by the terminal table and Markdown so both say the same. */
final class CompareRows {

    private CompareRows() {}

    static final List<String> HEADERS = List.of("Benchmark", "Baseline", "Candidate", "Unit", "Change [95% CI]", "p",
            "Verdict", "Notes");

    static String side(Interval interval) {
        if (interval == null) {
            return "";
        }
        return Numbers.format(interval.estimate()) + " ± " + String.format(Locale.ROOT, "%.1f%%",
                interval.relativeHalfWidth() * 100);
    }

    static String change(Interval change) {
        if (change == null) {
            return "";
        }
        if (!Double.isFinite(change.estimate())) {
            return "new cost";
        }
        if (change.lower() == change.estimate() && change.upper() == change.estimate()) {
            return Numbers.percent(change.estimate());
        }
        return Numbers.percent(change.estimate()) + " [" + Numbers.percent(change.lower()) + ", "
                + Numbers.percent(change.upper()) + "]";
    }

    static String p(Double p) {
        if (p == null || Double.isNaN(p)) {
            return "";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    static String notes(Delta d) {
        var notes = new ArrayList<String>();
        if (d.allocation() != null && d.allocation().verdict() != Verdict.NO_CHANGE) {
            notes.add("alloc " + d.allocation().verdict().label() + ": " + d.allocation().reason());
        }
        if (Boolean.FALSE.equals(d.budgetMet())) {
            notes.add("misses budget " + d.budget());
        }
        notes.addAll(d.warnings());
        return String.join("; ", notes);
    }

    /** "1. Foo.bar — 68.3% of time (+19.6 pp)", the seed's hotspot line. */
    static List<String> hotspots(Delta d) {
        var lines = new ArrayList<String>();
        for (int i = 0; i < d.hotspots().size(); i++) {
            var h = d.hotspots().get(i);
            lines.add(String.format(Locale.ROOT, "%d. %s — %.1f%% of time (%+.1f pp)", i + 1, h.frame(),
                    h.candidateTotal() * 100, h.deltaPoints()));
        }
        return lines;
    }

    static String geomean(Comparison.CategorySummary summary) {
        return Numbers.percent(summary.geomeanRatio() - 1);
    }

    /** "12 compared: 1 REGRESSION, 2 improvements" and the chance line. */
    static List<String> footer(Comparison c) {
        var lines = new ArrayList<String>();
        lines.add(String.format(Locale.ROOT, "%d compared: %d regression%s, %d warning%s, %d slower, %d improvement%s, %d unchanged.",
                c.benchmarks().size(), c.count(Verdict.REGRESSION), plural(c.count(Verdict.REGRESSION)),
                c.count(Verdict.WARNING), plural(c.count(Verdict.WARNING)), c.count(Verdict.SLOWER),
                c.count(Verdict.IMPROVEMENT), plural(c.count(Verdict.IMPROVEMENT)), c.count(Verdict.NO_CHANGE)));
        lines.add(String.format(Locale.ROOT,
                "At α = %s, about %.1f of %d benchmarks would show p < α by chance alone; the CI and the %s noise floor must agree before anything is flagged.",
                c.settings().alpha(), c.expectedFalsePositives(), c.benchmarks().size(),
                Numbers.percent(c.settings().noiseFloor()).replace("+", "")));
        if (!c.onlyInBaseline().isEmpty()) {
            lines.add("Missing from the candidate: " + String.join(", ", c.onlyInBaseline()));
        }
        if (!c.onlyInCandidate().isEmpty()) {
            lines.add("New in the candidate: " + String.join(", ", c.onlyInCandidate()));
        }
        c.warnings().forEach(w -> lines.add("Warning: " + w));
        return lines;
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
