package dev.benchrun.analysis;

import dev.benchrun.model.Baseline;
import dev.benchrun.model.BenchmarkKey;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Interval;
import dev.benchrun.model.Recommendation;
import dev.benchrun.model.Recommendation.Kind;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The next step each benchmark's measurements support (docs/compare.md, "Recommendations"), each
 * naming the figure that triggered it: a longer warm-up where forks still trend, a quieter machine
 * where a side was noisy, more pairs for an undecided A/B benchmark, the A/B path where
 * a stored baseline cannot decide or cannot see drift, more baseline runs, the allocation that grew,
 * the frame that grew in a profile of the regression. Nothing for a benchmark whose verdict stands
 * on its evidence.
 */
public final class Recommendations {

    private Recommendations() {}

    /** From the comparison alone: what its figures support, without the runs' own checks. */
    public static List<Recommendation> of(Comparison c) {
        return of(c, List.of(), List.of());
    }

    /**
     * From the comparison and the runs it judged: also a longer warm-up where a side's forks still
     * trend (the steady-state check kept on each result), and a quieter machine where a side was
     * measured on a noisy one (the noise preflight kept in each run's environment).
     */
    public static List<Recommendation> of(Comparison c, List<RunResult> baselineRuns, List<RunResult> candidateRuns) {
        var noisy = noisySides(baselineRuns, candidateRuns);
        var trending = List.of(
                Map.entry("the candidate", trendingForks(candidateRuns)),
                Map.entry("the baseline", trendingForks(baselineRuns)));
        var all = new ArrayList<Recommendation>();
        for (Delta d : c.benchmarks()) {
            if (!d.verdict().compared()) {
                continue;
            }
            String name = c.nameOf(d);
            warmUp(d, name, trending, all);
            quieter(d, name, noisy, all);
            undecided(c, d, name, all);
            allocation(d, name, all);
            hotspot(d, name, all);
        }
        return all;
    }

    /** Where a side's newest run holds the benchmark with forks that still trend. */
    private static void warmUp(
            Delta d,
            String name,
            List<Map.Entry<String, Map<BenchmarkKey, String>>> trending,
            List<Recommendation> all) {
        var key = d.key();
        for (var side : trending) {
            String trend = side.getValue().get(key);
            if (trend != null) {
                all.add(new Recommendation(
                        name,
                        Kind.WARM_UP,
                        "warm it up longer: a manifest entry's minWarmup (e.g. {iterations: 10, time: 1s}), which no "
                                + "profile lowers",
                        "in " + side.getKey() + ", " + SteadyState.evidence(trend)));
                return;
            }
        }
    }

    /**
     * The steady-state warnings of a side's newest run by benchmark, the first result of a key that
     * has one: looked up once per side rather than searched for each benchmark of the comparison.
     */
    private static Map<BenchmarkKey, String> trendingForks(List<RunResult> runs) {
        var trending = new HashMap<BenchmarkKey, String>();
        if (!runs.isEmpty()) {
            for (BenchmarkResult r : runs.get(runs.size() - 1).benchmarks()) {
                if (r.steadyState() != null) {
                    trending.putIfAbsent(r.key(), r.steadyState());
                }
            }
        }
        return trending;
    }

    /** A benchmark the noise could have decided (flagged or undecided) where a side ran on a noisy machine. */
    private static void quieter(Delta d, String name, List<String> noisy, List<Recommendation> all) {
        if (noisy.isEmpty() || d.verdict() == Verdict.NO_CHANGE) {
            return;
        }
        all.add(new Recommendation(
                name,
                Kind.QUIETER_MACHINE,
                "measure again on a quieter machine (run --strict-env refuses a noisy one)",
                d.verdict().label() + " while " + String.join("; ", noisy)));
    }

    private static List<String> noisySides(List<RunResult> baselineRuns, List<RunResult> candidateRuns) {
        var noisy = new ArrayList<String>();
        for (var side : List.of(Map.entry("the baseline", baselineRuns), Map.entry("the candidate", candidateRuns))) {
            var reasons = side.getValue().stream()
                    .flatMap(run -> NoiseWarnings.noisyFigures(run).stream())
                    .distinct()
                    .toList();
            if (!reasons.isEmpty()) {
                noisy.add(side.getKey() + " ran on a noisy machine (" + String.join(", ", reasons) + ")");
            }
        }
        return noisy;
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

    /** An allocation that grew: where it comes from is worth a profile; one that fell needs no hunt. */
    private static void allocation(Delta d, String name, List<Recommendation> all) {
        var a = d.allocation();
        if (a == null || !flagged(a.verdict()) || a.verdict() == Verdict.IMPROVEMENT) {
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
