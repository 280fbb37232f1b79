package dev.benchrun.analysis;

import dev.benchrun.model.BenchmarkKey;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Interval;
import dev.benchrun.model.Metric;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Threshold;
import dev.benchrun.model.Unit;
import dev.benchrun.model.Verdict;
import dev.benchrun.stats.Bootstrap;
import dev.benchrun.stats.MannWhitney;
import dev.benchrun.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compares two runs by the verdict rules of docs/compare.md: costs (throughput inverted, units
 * converted), ratio of means with a hierarchical-bootstrap interval, a two-sided Mann-Whitney U
 * test, a noise floor, per-category thresholds, and an allocation gate. The two sides of one A/B
 * session are judged by their pairs instead ({@link PairedJudge}).
 */
public final class Judge {

    /** Below this many bytes per operation a benchmark counts as allocation-free. */
    static final double ALLOCATION_FREE = 1.0;
    /**
     * Changes of fewer bytes per operation are measurement noise, not allocation: the gc profiler
     * divides the iteration's allocations (including the harness's) by its operations, and the
     * smallest object on a 64-bit JVM is 16 bytes, so half an object per operation is the floor.
     */
    static final double ALLOCATION_NOISE = 8.0;
    /** Coefficient of variation above which a side is called noisy. */
    static final double NOISY_CV = 0.05;

    private static final String MEMORY = "memory";
    /**
     * Resamples for the "± x%" shown beside each side's mean: display only, so fewer than the
     * verdict's interval needs; a 95% percentile bound from 2,000 resamples moves by well under
     * a tenth of the interval's width between seeds.
     */
    static final int SIDE_RESAMPLES = 2_000;

    private Judge() {}

    /** What every verdict against a baseline of one run says about it. */
    static final String ONE_RUN_NOTE = "1 baseline run: session drift unseen";

    /**
     * The comparison's warning where the baseline is one run: the verdicts cannot tell a change
     * from the drift between two JVM sessions.
     */
    static final String ONE_RUN_WARNING = "the baseline is one run, so these verdicts cannot see how far results "
            + "drift from one JVM session to the next and may flag that drift as a change: keep several runs "
            + "in it (save-baseline NAME --append, or run --save-baseline NAME --append), or compare in one "
            + "A/B session (run --against)";

    /** Compares two single runs: the sides of an A/B session by their pairs, any other two as two runs. */
    public static Comparison compare(
            RunResult baseline,
            Comparison.Side baselineSide,
            RunResult candidate,
            Comparison.Side candidateSide,
            CompareSettings settings) {
        return compare(List.of(baseline), baselineSide, List.of(candidate), candidateSide, settings);
    }

    /**
     * Compares two sides of one or more runs each, oldest first. A baseline of several runs is
     * judged with the runs as a level of the model ({@link RunLevelJudge}); one of a single run by the
     * runs' forks and iterations, with a note that it cannot see the drift between sessions.
     */
    public static Comparison compare(
            List<RunResult> baselineRuns,
            Comparison.Side baselineSide,
            List<RunResult> candidateRuns,
            Comparison.Side candidateSide,
            CompareSettings settings) {
        RunResult baseline = baselineRuns.get(baselineRuns.size() - 1);
        RunResult candidate = candidateRuns.get(candidateRuns.size() - 1);
        if (baselineRuns.size() == 1 && candidateRuns.size() == 1 && PairedJudge.paired(baseline, candidate)) {
            return PairedJudge.compare(baseline, baselineSide, candidate, candidateSide, settings);
        }
        if (baselineRuns.size() >= 2) {
            return RunLevelJudge.compare(baselineRuns, baselineSide, candidateRuns, candidateSide, settings);
        }
        Map<BenchmarkKey, BenchmarkResult> base = index(baseline);
        Map<BenchmarkKey, BenchmarkResult> cand = index(candidate);
        var shared = base.keySet().stream().filter(cand::containsKey).toList();
        List<Delta> deltas = shared.parallelStream()
                .map(key -> {
                    var delta = delta(base.get(key), cand.get(key), settings);
                    return delta.withRuns(1, 1, delta.verdict().compared() ? ONE_RUN_NOTE : null);
                })
                .toList();
        var warnings = new ArrayList<>(EnvironmentWarnings.between(baseline, candidate));
        if (!deltas.isEmpty()) {
            warnings.add(ONE_RUN_WARNING);
        }
        return assemble(
                baselineSide,
                candidateSide,
                settings,
                deltas,
                base,
                cand,
                warnings,
                settings.alpha()
                        * deltas.stream().filter(d -> d.verdict().compared()).count(),
                null);
    }

    /**
     * The comparison of the judged benchmarks: with their category summaries and what each side
     * lacks; recommendations are added once the comparison is finished.
     */
    static Comparison assemble(
            Comparison.Side baselineSide,
            Comparison.Side candidateSide,
            CompareSettings settings,
            List<Delta> deltas,
            Map<BenchmarkKey, BenchmarkResult> base,
            Map<BenchmarkKey, BenchmarkResult> cand,
            List<String> warnings,
            double expectedFalsePositives,
            Comparison.Paired pairing) {
        return new Comparison(
                Comparison.SCHEMA_VERSION,
                baselineSide,
                candidateSide,
                settings,
                deltas,
                summaries(deltas),
                onlyIn(base, cand),
                onlyIn(cand, base),
                warnings,
                expectedFalsePositives,
                pairing,
                List.of());
    }

    /**
     * The benchmarks of {@code side} that {@code other} lacks, by display name: with the mode where
     * one benchmark has results in several modes on either side.
     */
    static List<String> onlyIn(Map<BenchmarkKey, BenchmarkResult> side, Map<BenchmarkKey, BenchmarkResult> other) {
        var keys = new java.util.LinkedHashSet<>(side.keySet());
        keys.addAll(other.keySet());
        var severalModes = BenchmarkKey.inSeveralModes(keys);
        return side.keySet().stream()
                .filter(k -> !other.containsKey(k))
                .map(k -> side.get(k).displayName(severalModes))
                .toList();
    }

    static Map<BenchmarkKey, BenchmarkResult> index(RunResult run) {
        var index = new LinkedHashMap<BenchmarkKey, BenchmarkResult>();
        run.benchmarks().forEach(r -> index.putIfAbsent(r.key(), r));
        return index;
    }

    /**
     * What the statistics say about the two results' scores alone (no allocation, no display
     * intervals): the change of cost, its p and verdict; null where their units do not convert.
     */
    static Judgement score(BenchmarkResult base, BenchmarkResult cand, CompareSettings settings) {
        Unit baseUnit = Unit.parse(base.score().unit());
        Unit candUnit = Unit.parse(cand.score().unit());
        if (!comparable(baseUnit, candUnit)) {
            return null;
        }
        return judge(
                costs(base.score().samplesByFork(), baseUnit),
                costs(cand.score().samplesByFork(), candUnit),
                settings.thresholdFor(base.category()),
                settings,
                settings.seed() ^ base.displayName().hashCode());
    }

    static Delta delta(BenchmarkResult base, BenchmarkResult cand, CompareSettings settings) {
        Metric baseMetric = base.score();
        Metric candMetric = cand.score();
        Unit baseUnit = Unit.parse(baseMetric.unit());
        Unit candUnit = Unit.parse(candMetric.unit());
        long seed = settings.seed() ^ base.displayName().hashCode();
        var warnings = new ArrayList<String>();
        if (!comparable(baseUnit, candUnit)) {
            warnings.add("units differ (" + baseMetric.unit() + " vs " + candMetric.unit() + ")");
            return new Delta(
                    base.id(),
                    base.benchmark(),
                    base.params(),
                    base.mode(),
                    base.category(),
                    baseMetric.unit(),
                    null,
                    null,
                    null,
                    null,
                    baseMetric.sampleCount(),
                    candMetric.sampleCount(),
                    Verdict.NOT_COMPARED,
                    null,
                    budgetText(cand),
                    cand.budgetMet(),
                    warnings,
                    List.of(),
                    null,
                    1,
                    1,
                    null,
                    cand.wallSeconds());
        }
        // Candidate samples in the baseline's unit, for display; costs (higher = worse) for the verdict.
        double[][] candInBaseUnit = scale(candMetric.samplesByFork(), candUnit.toBase() / baseUnit.toBase());
        Judgement score = score(base, cand, settings);
        var baseInterval = sideInterval(baseMetric.samplesByFork(), settings);
        var candInterval = sideInterval(candInBaseUnit, settings);
        warnings.addAll(score.warnings());
        noise("baseline", baseMetric, warnings);
        noise("candidate", candMetric, warnings);
        var allocation = allocation(base, cand, settings, seed);
        Verdict verdict = allocation == null ? score.verdict() : score.verdict().worse(allocation.verdict());
        return new Delta(
                base.id(),
                base.benchmark(),
                base.params(),
                base.mode(),
                base.category(),
                baseMetric.unit(),
                baseInterval,
                candInterval,
                score.change(),
                score.pValue(),
                baseMetric.sampleCount(),
                candMetric.sampleCount(),
                verdict,
                allocation,
                budgetText(cand),
                cand.budgetMet(),
                warnings,
                List.of(),
                null,
                1,
                1,
                null,
                cand.wallSeconds());
    }

    /**
     * Units of one dimension convert into each other; units benchrun does not know are taken as
     * they are only where both sides spell them the same, since nothing says how they convert.
     */
    static boolean comparable(Unit base, Unit cand) {
        return base.dimension() == cand.dimension()
                && (base.dimension() != Unit.Dimension.OTHER || base.label().equals(cand.label()));
    }

    /** What the statistics say about two sets of costs. */
    record Judgement(Interval change, double pValue, Verdict verdict, List<String> warnings) {}

    static Judgement judge(
            double[][] baseCost, double[][] candCost, Threshold threshold, CompareSettings settings, long seed) {
        var warnings = new ArrayList<String>();
        double[] basePooled = flatten(baseCost);
        double[] candPooled = flatten(candCost);
        var test = MannWhitney.test(basePooled, candPooled);
        double p = test.allEqual() ? 1.0 : test.pValue();
        if (MannWhitney.minimumPValue(basePooled.length, candPooled.length) >= settings.alpha()) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "too few samples (%d vs %d) to ever reach p < %s",
                    basePooled.length,
                    candPooled.length,
                    settings.alpha()));
        }
        Interval change;
        if (allPositive(basePooled)) {
            var ratio = Bootstrap.ratioOfMeans(baseCost, candCost, settings.resamples(), settings.confidence(), seed);
            change = new Interval(ratio.estimate() - 1, ratio.lower() - 1, ratio.upper() - 1);
        } else {
            // A zero cost (e.g. 0 B/op) has no ratio; compare the means and report no interval.
            double baseMean = Summary.of(basePooled).mean();
            double diff = baseMean == 0
                    ? (Summary.of(candPooled).mean() == 0 ? 0 : Double.POSITIVE_INFINITY)
                    : Summary.of(candPooled).mean() / baseMean - 1;
            change = new Interval(diff, diff, diff);
        }
        boolean significant =
                p < settings.alpha() && change.excludes(0) && Math.abs(change.estimate()) >= settings.noiseFloor();
        Verdict verdict;
        if (!significant) {
            verdict = Verdict.NO_CHANGE;
        } else if (change.estimate() < 0) {
            verdict = Verdict.IMPROVEMENT;
        } else if (change.estimate() >= threshold.failure()) {
            verdict = Verdict.REGRESSION;
        } else if (change.estimate() >= threshold.warning()) {
            verdict = Verdict.WARNING;
        } else {
            verdict = Verdict.SLOWER;
        }
        return new Judgement(change, p, verdict, warnings);
    }

    /** The allocation gate: allocation-free code that now allocates fails; otherwise B/op is judged as memory. */
    static Delta.Allocation allocation(
            BenchmarkResult base, BenchmarkResult cand, CompareSettings settings, long seed) {
        Metric b = base.allocation();
        Metric c = cand.allocation();
        if (b == null || c == null || b.sampleCount() == 0 || c.sampleCount() == 0) {
            return null;
        }
        double baseBytes = b.score();
        double candBytes = c.score();
        if (baseBytes < ALLOCATION_FREE && candBytes >= ALLOCATION_NOISE) {
            return new Delta.Allocation(
                    baseBytes,
                    candBytes,
                    null,
                    Verdict.REGRESSION,
                    String.format(Locale.ROOT, "allocated nothing, now %.0f B/op", candBytes));
        }
        if (Math.abs(candBytes - baseBytes) < ALLOCATION_NOISE) {
            return new Delta.Allocation(
                    baseBytes,
                    candBytes,
                    baseBytes < ALLOCATION_FREE ? null : candBytes / baseBytes - 1,
                    Verdict.NO_CHANGE,
                    baseBytes < ALLOCATION_FREE ? "allocation-free" : "~");
        }
        var judgement = judge(b.samplesByFork(), c.samplesByFork(), settings.thresholdFor(MEMORY), settings, seed + 2);
        String reason = judgement.verdict() == Verdict.NO_CHANGE
                ? "~"
                : String.format(Locale.ROOT, "%+.1f%% B/op", judgement.change().estimate() * 100);
        return new Delta.Allocation(baseBytes, candBytes, judgement.change().estimate(), judgement.verdict(), reason);
    }

    /**
     * The interval shown beside one side's mean. Its resampling stream is seeded by the settings
     * alone, never by the side or the benchmark, so the same samples always show the same interval:
     * a file compared with itself shows the same ± on both sides.
     */
    static Interval sideInterval(double[][] samples, CompareSettings settings) {
        var mean = Bootstrap.mean(
                samples, Math.min(SIDE_RESAMPLES, settings.resamples()), settings.confidence(), settings.seed());
        return new Interval(mean.estimate(), mean.lower(), mean.upper());
    }

    private static void noise(String side, Metric metric, List<String> warnings) {
        double[] samples = metric.samples();
        if (samples.length >= 2) {
            double cv = Summary.of(samples).coefficientOfVariation();
            if (cv > NOISY_CV) {
                warnings.add(String.format(Locale.ROOT, "noisy %s: CV %.1f%%", side, cv * 100));
            }
        }
    }

    static List<Comparison.CategorySummary> summaries(List<Delta> deltas) {
        var byCategory = new TreeMap<String, List<Delta>>();
        deltas.forEach(d ->
                byCategory.computeIfAbsent(d.category(), c -> new ArrayList<>()).add(d));
        return byCategory.entrySet().stream()
                .map(e -> {
                    var list = e.getValue();
                    int compared = (int)
                            list.stream().filter(d -> d.verdict().compared()).count();
                    double[] ratios = list.stream()
                            .filter(d -> d.change() != null
                                    && Double.isFinite(d.change().estimate()))
                            .mapToDouble(d -> 1 + d.change().estimate())
                            .filter(r -> r > 0)
                            .toArray();
                    return new Comparison.CategorySummary(
                            e.getKey(),
                            compared,
                            list.size() - compared,
                            count(list, Verdict.REGRESSION),
                            count(list, Verdict.WARNING),
                            count(list, Verdict.SLOWER),
                            count(list, Verdict.IMPROVEMENT),
                            compared == 0 ? null : ratios.length == 0 ? 1.0 : Summary.geometricMean(ratios));
                })
                .toList();
    }

    private static int count(List<Delta> deltas, Verdict verdict) {
        return (int) deltas.stream().filter(d -> d.verdict() == verdict).count();
    }

    private static double[][] costs(double[][] samples, Unit unit) {
        double[][] costs = new double[samples.length][];
        for (int f = 0; f < samples.length; f++) {
            costs[f] = new double[samples[f].length];
            for (int i = 0; i < samples[f].length; i++) {
                costs[f][i] = unit.cost(samples[f][i]);
            }
        }
        return costs;
    }

    static double[][] scale(double[][] samples, double factor) {
        double[][] scaled = new double[samples.length][];
        for (int f = 0; f < samples.length; f++) {
            scaled[f] = new double[samples[f].length];
            for (int i = 0; i < samples[f].length; i++) {
                scaled[f][i] = samples[f][i] * factor;
            }
        }
        return scaled;
    }

    private static double[] flatten(double[][] forks) {
        int n = 0;
        for (double[] f : forks) {
            n += f.length;
        }
        double[] all = new double[n];
        int at = 0;
        for (double[] f : forks) {
            System.arraycopy(f, 0, all, at, f.length);
            at += f.length;
        }
        return all;
    }

    private static boolean allPositive(double[] values) {
        for (double v : values) {
            if (!(v > 0) || !Double.isFinite(v)) {
                return false;
            }
        }
        return values.length > 0;
    }

    private static String budgetText(BenchmarkResult result) {
        return result.budget() == null ? null : Objects.toString(result.budget());
    }
}
