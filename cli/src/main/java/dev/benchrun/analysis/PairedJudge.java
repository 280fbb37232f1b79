package dev.benchrun.analysis;

import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Interval;
import dev.benchrun.model.Pairing;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Session;
import dev.benchrun.model.Threshold;
import dev.benchrun.model.Unit;
import dev.benchrun.model.Verdict;
import dev.benchrun.stats.Equivalence;
import dev.benchrun.stats.HodgesLehmann;
import dev.benchrun.stats.Multiplicity;
import dev.benchrun.stats.SequentialLooks;
import dev.benchrun.stats.SignedRank;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Judges the two sides of an A/B session by their pairs (docs/compare.md, "Paired comparisons"):
 * fork k of a benchmark on each side is pair k, measured back to back, and the evidence is one cost
 * ratio per pair. Its logarithms get the exact Wilcoxon signed-rank test, corrected for the looks
 * the session took ({@link SequentialLooks#sequentialPValue}), then adjusted over the comparison's
 * benchmarks by Benjamini–Hochberg; the change is the Hodges–Lehmann estimate with the test's own
 * interval. A verdict is changed only when the adjusted p is below α and the change reaches the
 * noise floor; unchanged only when the interval lies inside ±noise floor; {@code INCONCLUSIVE}
 * otherwise.
 *
 * <p>The same rule decides, at each look of a running session, whether a benchmark has its answer
 * ({@link #stop}), so a comparison made later from the stored runs reaches the verdict the session
 * stopped on.
 */
public final class PairedJudge {

    /** Power at which the smallest detectable change is stated. */
    static final double POWER = 0.8;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    private static final int MOST_PAIRS_SHOWN = 10_000;

    private PairedJudge() {}

    /** Whether the two runs are the two sides of one A/B session, to be judged by their pairs. */
    public static boolean paired(RunResult baseline, RunResult candidate) {
        return baseline.session() != null && baseline.session().pairsWith(candidate.session());
    }

    /**
     * The evidence of one benchmark after {@code n} pairs: the log cost ratios in pair order, the
     * test at all looks taken, the interval.
     *
     * @param logRatios ln(candidate cost / baseline cost), one per pair, in the order measured
     * @param interval null with too few pairs to bound the change at the confidence asked
     */
    public record Evidence(
            double[] logRatios, double pValue, double sequentialPValue, HodgesLehmann.Interval interval) {

        public int pairs() {
            return logRatios.length;
        }

        /** The interval's bounds as changes, or null where the pairs bound nothing. */
        Interval change() {
            return interval == null
                    ? null
                    : new Interval(interval.change(), interval.lowerChange(), interval.upperChange());
        }
    }

    /**
     * The evidence in the pairs of two results, or null where they cannot be paired: units that do
     * not convert, or a fork whose mean cost is not positive (no ratio).
     *
     * @param endedByPlan whether the benchmark's pairs ended for a reason that does not depend on
     *     them ({@link #endedByPlan}); false while a session is still going, and after a stop
     *     because of what the pairs showed
     */
    public static Evidence evidence(
            BenchmarkResult base, BenchmarkResult cand, SequentialLooks looks, double confidence, boolean endedByPlan) {
        Unit baseUnit = Unit.parse(base.score().unit());
        Unit candUnit = Unit.parse(cand.score().unit());
        if (!Judge.comparable(baseUnit, candUnit)) {
            return null;
        }
        double[] baseCosts = forkMeanCosts(base.score().samplesByFork(), baseUnit);
        double[] candCosts = forkMeanCosts(cand.score().samplesByFork(), candUnit);
        int n = Math.min(baseCosts.length, candCosts.length);
        if (n == 0) {
            return null;
        }
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            if (!(baseCosts[k] > 0 && candCosts[k] > 0) || !Double.isFinite(baseCosts[k] / candCosts[k])) {
                return null;
            }
            d[k] = Math.log(candCosts[k] / baseCosts[k]);
        }
        return evidence(d, looks, confidence, endedByPlan);
    }

    /**
     * The evidence in log ratios measured in this order. The test is made at the looks the pairs
     * have passed; where they ended by plan ({@code endedByPlan}), also at their last pair, which
     * then spends what is left of α ({@link SequentialLooks#sequentialPValue}).
     */
    public static Evidence evidence(double[] logRatios, SequentialLooks looks, double confidence, boolean endedByPlan) {
        int n = logRatios.length;
        double p = pValue(logRatios, n);
        var taken = endedByPlan ? looks.taken(n) : looks.plannedUpTo(n);
        double sequential =
                taken.isEmpty() ? 1.0 : looks.sequentialPValue(taken, m -> pValue(logRatios, m), endedByPlan);
        var interval = HodgesLehmann.of(logRatios, confidence);
        boolean bounded = Double.isFinite(interval.lower()) && Double.isFinite(interval.upper());
        return new Evidence(logRatios.clone(), p, sequential, bounded ? interval : null);
    }

    /**
     * Whether pairs that ended this way ended for a reason that does not depend on what they showed:
     * the schedule's end, the time, a failed fork, Ctrl-C, or a session that did not record it.
     */
    public static boolean endedByPlan(Session.Stop stop) {
        return stop == null
                || switch (stop) {
                    case MOST_PAIRS, TIME, FAILED, INTERRUPTED -> true;
                    case CHANGED, UNCHANGED, PRECISE -> false;
                };
    }

    private static double pValue(double[] logRatios, int pairs) {
        var test = SignedRank.test(Arrays.copyOf(logRatios, pairs));
        return test.allZero() ? 1.0 : test.pValue();
    }

    /**
     * Whether a running session has its answer for one benchmark at a check: its change shown (at a
     * look where α is spent, the sequential p below α / m, beyond the noise floor), its interval
     * inside the equivalence margin, as narrow as {@code precision} asks, or the schedule's last
     * look. Null: add pairs. Stopping as unchanged or precise never rejects anything and costs no α.
     *
     * <p>A change is shown at α / m, m the session's benchmarks, because the verdict adjusts the p
     * of the whole family (Benjamini–Hochberg, whose adjusted p is never above m·p): a benchmark
     * that stops as changed is then changed in the verdict too, whatever the others show.
     *
     * @param family m, the number of benchmarks judged together
     * @param precision the interval's half-width, as a fraction, that is enough; null for none
     */
    public static Session.Stop stop(
            Evidence evidence, SequentialLooks looks, CompareSettings settings, int family, Double precision) {
        var change = evidence.change();
        if (change != null && shown(Math.min(1, evidence.sequentialPValue() * family), change, settings)) {
            return Session.Stop.CHANGED;
        }
        if (change != null
                && Equivalence.of(change.lower(), change.upper(), settings.noiseFloor()) == Equivalence.INSIDE) {
            return Session.Stop.UNCHANGED;
        }
        if (precision != null && change != null && (change.upper() - change.lower()) / 2 <= precision) {
            return Session.Stop.PRECISE;
        }
        return evidence.pairs() >= looks.maxPairs() ? Session.Stop.MOST_PAIRS : null;
    }

    /** The verdict of a benchmark whose adjusted p-value is {@code q}. */
    static Verdict verdict(Evidence evidence, double q, Threshold threshold, CompareSettings settings) {
        return ThreeAnswers.verdict(evidence.change(), q, threshold, settings);
    }

    static double margin(Threshold threshold, CompareSettings settings) {
        return ThreeAnswers.margin(threshold, settings);
    }

    private static boolean shown(double p, Interval change, CompareSettings settings) {
        return ThreeAnswers.shown(p, change, settings);
    }

    /** Compares the two sides of one session (see {@link #paired}) benchmark by benchmark. */
    public static Comparison compare(
            RunResult baseline,
            Comparison.Side baselineSide,
            RunResult candidate,
            Comparison.Side candidateSide,
            CompareSettings settings) {
        var session = candidate.session();
        var looks = new SequentialLooks(
                session.looks().isEmpty() ? List.of(Math.max(1, session.maxPairs())) : session.looks(),
                settings.alpha());
        var base = Judge.index(baseline);
        var cand = Judge.index(candidate);
        var shared = base.keySet().stream().filter(cand::containsKey).toList();
        // Each benchmark's evidence, and then its verdict given the family's adjusted p, depend on that
        // benchmark alone: found in parallel, collected in the baseline's order.
        List<Evidence> evidence = shared.parallelStream()
                .map(key -> evidence(
                        base.get(key),
                        cand.get(key),
                        looks,
                        settings.confidence(),
                        endedByPlan(session.stopped().get(sessionKey(cand.get(key))))))
                .toList();
        double[] q = adjusted(evidence);
        int family = (int) evidence.stream().filter(e -> e != null).count();
        List<Delta> deltas = IntStream.range(0, shared.size())
                .parallel()
                .mapToObj(i -> {
                    var key = shared.get(i);
                    var e = evidence.get(i);
                    return e == null
                            ? Judge.delta(base.get(key), cand.get(key), settings)
                            : delta(
                                    base.get(key),
                                    cand.get(key),
                                    e,
                                    q[i],
                                    session.stopped().get(sessionKey(base.get(key))),
                                    family,
                                    settings);
                })
                .toList();
        var warnings = new ArrayList<>(EnvironmentWarnings.between(baseline, candidate));
        var judged = shared.stream().map(k -> sessionKey(cand.get(k))).toList();
        session.stopped().forEach((name, stop) -> {
            if (!judged.contains(name)) {
                warnings.add(name + " has no pair to judge: " + stop.label());
            }
        });
        return Judge.assemble(
                baselineSide,
                candidateSide,
                settings,
                deltas,
                base,
                cand,
                warnings,
                // Adjusted for the family: at most α false alarms in all (the false discovery rate).
                deltas.stream().anyMatch(d -> d.verdict().compared()) ? settings.alpha() : 0,
                new Comparison.Paired(
                        session.id(),
                        session.order(),
                        looks.maxPairs(),
                        looks.pairs(),
                        Comparison.Paired.BENJAMINI_HOCHBERG));
    }

    /** The session's name for a benchmark: id, params and mode, as {@link Session#stopped()} is keyed. */
    public static String sessionKey(BenchmarkResult result) {
        return result.key().display(result.id(), true);
    }

    /** Benjamini–Hochberg over the benchmarks with evidence; NaN for the others. */
    private static double[] adjusted(List<Evidence> evidence) {
        double[] p = evidence.stream()
                .mapToDouble(e -> e == null ? Double.NaN : e.sequentialPValue())
                .toArray();
        return Multiplicity.benjaminiHochberg(p);
    }

    private static Delta delta(
            BenchmarkResult base,
            BenchmarkResult cand,
            Evidence evidence,
            double q,
            Session.Stop stopped,
            int family,
            CompareSettings settings) {
        long seed = settings.seed() ^ base.displayName().hashCode();
        Threshold threshold = settings.thresholdFor(base.category());
        Verdict score = verdict(evidence, q, threshold, settings);
        var warnings = new ArrayList<String>();
        warnings.add(pairsNote(evidence, stopped));
        Double detectable = smallestDetectable(evidence.logRatios(), family, settings);
        Integer more = score == Verdict.INCONCLUSIVE
                ? morePairs(evidence, family, margin(threshold, settings), settings)
                : null;
        if (evidence.interval() == null) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "%d pairs cannot bound the change at %.0f%% confidence",
                    evidence.pairs(),
                    settings.confidence() * 100));
        }
        double[][] candInBaseUnit = Judge.scale(
                cand.score().samplesByFork(),
                Unit.parse(cand.score().unit()).toBase()
                        / Unit.parse(base.score().unit()).toBase());
        var allocation = Judge.allocation(base, cand, settings, seed);
        Verdict verdict = allocation == null ? score : score.worse(allocation.verdict());
        if (more != null) {
            warnings.add("about " + more + " more pair" + (more == 1 ? "" : "s") + " would probably decide");
        }
        if (detectable != null) {
            warnings.add(String.format(Locale.ROOT, "smallest detectable change %.1f%%", detectable * 100));
        }
        var pairing = new Pairing(
                evidence.pairs(),
                stopped,
                evidence.pValue(),
                evidence.sequentialPValue(),
                evidence.interval() == null ? 1.0 : evidence.interval().achievedConfidence(),
                detectable,
                more);
        return new Delta(
                base.id(),
                base.benchmark(),
                base.params(),
                base.mode(),
                base.category(),
                base.score().unit(),
                Judge.sideInterval(base.score().samplesByFork(), settings),
                Judge.sideInterval(candInBaseUnit, settings),
                evidence.change(),
                q,
                base.score().sampleCount(),
                cand.score().sampleCount(),
                verdict,
                allocation,
                cand.budget() == null ? null : cand.budget().toString(),
                cand.budgetMet(),
                warnings,
                List.of(),
                pairing,
                1,
                1,
                null,
                cand.wallSeconds());
    }

    /** "9 pairs, stopped: unchanged". */
    private static String pairsNote(Evidence evidence, Session.Stop stopped) {
        return evidence.pairs() + " pair" + (evidence.pairs() == 1 ? "" : "s")
                + (stopped == null ? "" : ", stopped: " + stopped.label());
    }

    /**
     * The smallest change these pairs would have shown with {@link #POWER} probability, by the normal
     * approximation to the test: (z₁₋α/2m + z_power)·s/√n on the log scale, m the benchmarks judged
     * together, and never below the noise floor, which no change smaller than it passes. Null with
     * fewer than 2 pairs.
     */
    static Double smallestDetectable(double[] logRatios, int family, CompareSettings settings) {
        int n = logRatios.length;
        if (n < 2) {
            return null;
        }
        double sd = standardDeviation(logRatios);
        double z = STANDARD_NORMAL.inverseSurvivalProbability(settings.alpha() / (2 * Math.max(1, family)))
                + STANDARD_NORMAL.inverseCumulativeProbability(POWER);
        return Math.max(settings.noiseFloor(), Math.expm1(z * sd / Math.sqrt(n)));
    }

    /**
     * About how many more pairs an undecided benchmark needs if its estimate and spread stay as they
     * are, by the normal approximation (an interval's half-width shrinks as 1/√n): the fewer of what
     * shows its change (an estimate beyond the noise floor so many standard errors from 0 that the
     * test rejects at α / m) and what fits its interval inside ±margin (an estimate inside the
     * margin). Null where neither can happen, or only after more than {@value #MOST_PAIRS_SHOWN}.
     */
    static Integer morePairs(Evidence evidence, int family, double margin, CompareSettings settings) {
        int n = evidence.pairs();
        double sd = standardDeviation(evidence.logRatios());
        if (n < 2 || sd == 0) {
            return null;
        }
        double estimate = Math.abs(
                evidence.interval() == null
                        ? mean(evidence.logRatios())
                        : evidence.interval().estimate());
        double needed = Double.POSITIVE_INFINITY;
        if (estimate >= Math.log1p(settings.noiseFloor())) {
            double z = STANDARD_NORMAL.inverseSurvivalProbability(settings.alpha() / (2 * Math.max(1, family)));
            needed = Math.pow(z * sd / estimate, 2);
        }
        double room = Math.log1p(margin) - estimate;
        if (room > 1e-9) {
            double z = STANDARD_NORMAL.inverseSurvivalProbability((1 - settings.confidence()) / 2);
            needed = Math.min(needed, Math.pow(z * sd / room, 2));
        }
        if (!(needed <= MOST_PAIRS_SHOWN)) {
            return null;
        }
        return Math.max(1, (int) Math.ceil(needed) - n);
    }

    static double[] forkMeanCosts(double[][] forks, Unit unit) {
        double[] means = new double[forks.length];
        for (int f = 0; f < forks.length; f++) {
            double sum = 0;
            for (double v : forks[f]) {
                sum += unit.cost(v);
            }
            means[f] = forks[f].length == 0 ? Double.NaN : sum / forks[f].length;
        }
        return means;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
