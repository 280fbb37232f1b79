package dev.benchrun.analysis;

import dev.benchrun.model.Baseline;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Interval;
import dev.benchrun.model.Recommendation;
import dev.benchrun.model.Recommendation.Kind;
import dev.benchrun.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The next step each benchmark's measurements support (docs/compare.md, "Recommendations"), each
 * naming the figure that triggered it: more pairs for an undecided A/B benchmark, the A/B path where
 * a stored baseline cannot decide or cannot see drift, more baseline runs, the allocation that grew,
 * the frame that grew in a profile of the regression. Nothing for a benchmark whose verdict stands
 * on its evidence.
 */
public final class Recommendations {

    private Recommendations() {}

    public static List<Recommendation> of(Comparison c) {
        var all = new ArrayList<Recommendation>();
        for (Delta d : c.benchmarks()) {
            if (!d.verdict().compared()) {
                continue;
            }
            String name = c.nameOf(d);
            undecided(c, d, name, all);
            allocation(d, name, all);
            hotspot(d, name, all);
        }
        return all;
    }

    private static void undecided(Comparison c, Delta d, String name, List<Recommendation> all) {
        double warning = c.settings().thresholdFor(d.category()).warning();
        var pairing = d.pairing();
        if (pairing != null) {
            if (d.verdict() == Verdict.INCONCLUSIVE && pairing.morePairs() != null) {
                int most = c.pairing() == null ? pairing.pairs() : c.pairing().maxPairs();
                all.add(new Recommendation(
                        name,
                        Kind.MORE_PAIRS,
                        "run the session with --max-pairs " + Math.max(most, pairing.pairs() + pairing.morePairs()),
                        String.format(
                                Locale.ROOT,
                                "after %d pairs %s; about %d more %s would decide",
                                pairing.pairs(),
                                d.change() == null
                                        ? "it has no interval yet"
                                        : "its interval " + interval(d.change()) + " reaches past ±" + percent(warning),
                                pairing.morePairs(),
                                pairing.morePairs() == 1 ? "pair" : "pairs")));
            }
            return;
        }
        var spread = d.runSpread();
        if (spread != null) {
            if (d.verdict() == Verdict.INCONCLUSIVE) {
                all.add(new Recommendation(
                        name,
                        Kind.AB_PATH,
                        "compare in an A/B session (run --against), where session drift cancels",
                        String.format(
                                Locale.ROOT,
                                "its interval %s reaches past ±%s; the baseline's %d runs drift ±%s, so %s is the "
                                        + "smallest change this comparison detects",
                                interval(d.change()),
                                percent(warning),
                                d.baselineRuns(),
                                percent(Math.expm1(Math.sqrt(spread.runVariance()))),
                                percent(spread.smallestDetectable()))));
            }
            if (d.baselineRuns() < Baseline.DEFAULT_KEEP && spread.smallestDetectable() > warning) {
                all.add(new Recommendation(
                        name,
                        Kind.MORE_BASELINE_RUNS,
                        "keep more runs in the baseline (run --save-baseline NAME --append)",
                        String.format(
                                Locale.ROOT,
                                "%d baseline runs estimate the drift on %d degrees of freedom: the smallest detectable "
                                        + "change %s is above the %s warning threshold",
                                d.baselineRuns(),
                                d.baselineRuns() - 1,
                                percent(spread.smallestDetectable()),
                                percent(warning))));
            }
            return;
        }
        // The score's own change, not an allocation's verdict, is what drift could have made; a change
        // past twice the fail threshold is larger than the drift between sessions the accuracy
        // experiments show (docs/accuracy.md), so it needs no confirmation.
        if (d.baselineRuns() == 1
                && flagged(d.verdict())
                && d.change() != null
                && d.pValue() != null
                && ThreeAnswers.shown(d.pValue(), d.change(), c.settings())
                && Math.abs(d.change().estimate())
                        < 2 * c.settings().thresholdFor(d.category()).failure()) {
            all.add(new Recommendation(
                    name,
                    Kind.AB_PATH,
                    "confirm in an A/B session (run --against), or against a baseline of several runs "
                            + "(save-baseline NAME --append)",
                    String.format(
                            Locale.ROOT,
                            "%s %s against one baseline run, which cannot tell a change from the drift between "
                                    + "two JVM sessions",
                            d.verdict().label(),
                            signed(d.change().estimate()))));
            return;
        }
    }

    private static void allocation(Delta d, String name, List<Recommendation> all) {
        var a = d.allocation();
        if (a == null || !flagged(a.verdict())) {
            return;
        }
        all.add(new Recommendation(
                name,
                Kind.ALLOCATION,
                "find what allocates: benchrun profile " + d.id() + " --event alloc",
                String.format(
                        Locale.ROOT, "B/op grew from %.0f to %.0f (%s)", a.baseline(), a.candidate(), a.reason())));
    }

    private static void hotspot(Delta d, String name, List<Recommendation> all) {
        if (d.hotspots().isEmpty()) {
            return;
        }
        var top = d.hotspots().get(0);
        all.add(new Recommendation(
                name,
                Kind.HOTSPOT,
                "look at " + top.frame(),
                String.format(
                        Locale.ROOT,
                        "it grew %+.1f percentage points of the time (%.1f%% → %.1f%%) in the profile of the regression",
                        top.deltaPoints(),
                        top.baselineTotal() * 100,
                        top.candidateTotal() * 100)));
    }

    private static boolean flagged(Verdict v) {
        return v == Verdict.SLOWER || v == Verdict.WARNING || v == Verdict.REGRESSION || v == Verdict.IMPROVEMENT;
    }

    private static String interval(Interval change) {
        return change == null ? "(none)" : "[" + signed(change.lower()) + ", " + signed(change.upper()) + "]";
    }

    private static String signed(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
