package dev.benchrun.analysis;

import dev.benchrun.model.BenchmarkKey;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Interval;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.RunSpread;
import dev.benchrun.model.Threshold;
import dev.benchrun.model.Unit;
import dev.benchrun.model.Verdict;
import dev.benchrun.stats.Multiplicity;
import dev.benchrun.stats.RunLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Judges a candidate against a baseline of several runs (docs/compare.md, "Baselines of several
 * runs"): the runs are a level of the model ({@link RunLevel}), so a change is judged against how far
 * the baseline's own JVM sessions fall apart, and the candidate's run is given that same drift. The
 * p-values are adjusted over the comparison's benchmarks by Benjamini–Hochberg and the verdict says
 * changed, {@code ~} or {@code INCONCLUSIVE} ({@link ThreeAnswers}), as for an A/B session.
 */
final class RunLevelJudge {

    /** Power at which the smallest detectable change is stated. */
    static final double POWER = 0.8;

    private RunLevelJudge() {}

    /**
     * One benchmark's fork means, as log costs in the baseline's unit, run by run; the runs that do
     * not hold it, or whose units do not convert, are left out.
     */
    record Runs(double[][] logCosts, double[][] samples) {}

    /** One benchmark's runs on each side and their run-level difference (null with too few runs). */
    private record Judged(Runs base, Runs candidate, RunLevel.Difference difference) {}

    static Comparison compare(
            List<RunResult> baselineRuns,
            Comparison.Side baselineSide,
            List<RunResult> candidateRuns,
            Comparison.Side candidateSide,
            CompareSettings settings) {
        RunResult baseline = baselineRuns.get(baselineRuns.size() - 1);
        RunResult candidate = candidateRuns.get(candidateRuns.size() - 1);
        Map<BenchmarkKey, BenchmarkResult> base = Judge.index(baseline);
        Map<BenchmarkKey, BenchmarkResult> cand = Judge.index(candidate);
        var shared = base.keySet().stream().filter(cand::containsKey).toList();
        var baseIndexes = indexes(baselineRuns);
        var candIndexes = indexes(candidateRuns);
        // Each benchmark's runs and their difference depend on that benchmark alone: found in
        // parallel, collected in the baseline's order.
        List<Judged> judged = shared.parallelStream()
                .map(key -> {
                    Unit unit = Unit.parse(base.get(key).score().unit());
                    var b = indexedRuns(baseIndexes, key, unit);
                    var c = indexedRuns(candIndexes, key, unit);
                    return new Judged(
                            b,
                            c,
                            b.logCosts().length >= 2 && c.logCosts().length >= 1
                                    ? RunLevel.of(b.logCosts(), c.logCosts())
                                    : null);
                })
                .toList();
        var differences = judged.stream().map(Judged::difference).toList();
        double[] q = Multiplicity.benjaminiHochberg(differences.stream()
                .mapToDouble(d -> d == null ? Double.NaN : d.pValue())
                .toArray());
        int family = (int) differences.stream().filter(d -> d != null).count();
        List<Delta> deltas = IntStream.range(0, shared.size())
                .parallel()
                .mapToObj(i -> {
                    var key = shared.get(i);
                    var d = differences.get(i);
                    var baseRuns = judged.get(i).base();
                    var candRuns = judged.get(i).candidate();
                    return d == null
                            ? oneRun(Judge.delta(base.get(key), cand.get(key), settings), baseRuns, candRuns)
                            : delta(base.get(key), cand.get(key), baseRuns, candRuns, d, q[i], family, settings);
                })
                .toList();
        var warnings = new ArrayList<>(EnvironmentWarnings.between(baseline, candidate));
        return Judge.assemble(
                baselineSide,
                candidateSide,
                settings,
                deltas,
                base,
                cand,
                warnings,
                // Adjusted for the family: at most α false alarms in all (the false discovery rate).
                family > 0
                        ? settings.alpha()
                        : settings.alpha()
                                * deltas.stream()
                                        .filter(x -> x.verdict().compared())
                                        .count(),
                null);
    }

    /** A benchmark only one run of the baseline holds: judged as two runs, and said so. */
    private static Delta oneRun(Delta delta, Runs baseRuns, Runs candRuns) {
        return delta.withRuns(
                baseRuns.logCosts().length,
                candRuns.logCosts().length,
                delta.verdict().compared() ? Judge.ONE_RUN_NOTE : null);
    }

    /** Runs indexed by benchmark once, so that looking up every benchmark's runs stays linear. */
    static final class Indexed {
        private final List<Map<BenchmarkKey, BenchmarkResult>> indexes;

        Indexed(List<RunResult> runs) {
            this.indexes = indexes(runs);
        }

        /** The runs that hold the benchmark {@code key} measured in a unit that converts into {@code unit}. */
        Runs runs(BenchmarkKey key, Unit unit) {
            return indexedRuns(indexes, key, unit);
        }
    }

    /** Each run's results by benchmark, oldest run first: made once, not once per benchmark. */
    private static List<Map<BenchmarkKey, BenchmarkResult>> indexes(List<RunResult> runs) {
        return runs.stream().map(Judge::index).toList();
    }

    private static Runs indexedRuns(List<Map<BenchmarkKey, BenchmarkResult>> indexes, BenchmarkKey key, Unit unit) {
        var logCosts = new ArrayList<double[]>();
        var samples = new ArrayList<double[]>();
        for (var index : indexes) {
            var result = index.get(key);
            if (result == null || result.score().sampleCount() == 0) {
                continue;
            }
            Unit own = Unit.parse(result.score().unit());
            if (!Judge.comparable(unit, own)) {
                continue;
            }
            double[] means = PairedJudge.forkMeanCosts(result.score().samplesByFork(), own);
            double[] logs = new double[means.length];
            boolean positive = means.length > 0;
            for (int f = 0; f < means.length; f++) {
                positive &= means[f] > 0 && Double.isFinite(means[f]);
                logs[f] = Math.log(means[f]); // costs are in the dimension's base unit already
            }
            if (!positive) {
                continue;
            }
            logCosts.add(logs);
            for (double[] fork : Judge.scale(result.score().samplesByFork(), own.toBase() / unit.toBase())) {
                samples.add(fork);
            }
        }
        return new Runs(logCosts.toArray(double[][]::new), samples.toArray(double[][]::new));
    }

    private static Delta delta(
            BenchmarkResult base,
            BenchmarkResult cand,
            Runs baseRuns,
            Runs candRuns,
            RunLevel.Difference d,
            double q,
            int family,
            CompareSettings settings) {
        long seed = settings.seed() ^ base.displayName().hashCode();
        Threshold threshold = settings.thresholdFor(base.category());
        double[] bounds = d.interval(settings.confidence());
        var change = new Interval(Math.expm1(d.estimate()), Math.expm1(bounds[0]), Math.expm1(bounds[1]));
        Verdict score = ThreeAnswers.verdict(change, q, threshold, settings);
        double detectable = Math.max(
                settings.noiseFloor(), Math.expm1(d.smallestDetectable(settings.alpha() / Math.max(1, family), POWER)));
        var warnings = new ArrayList<String>();
        warnings.add(String.format(
                Locale.ROOT,
                "%d baseline runs: sessions drift ±%.1f%%, smallest detectable change %.1f%%",
                d.baselineRuns(),
                Math.expm1(Math.sqrt(d.runVariance())) * 100,
                detectable * 100));
        var allocation = Judge.allocation(base, cand, settings, seed);
        Verdict verdict = allocation == null ? score : score.worse(allocation.verdict());
        return new Delta(
                base.id(),
                base.benchmark(),
                base.params(),
                base.mode(),
                base.category(),
                base.score().unit(),
                Judge.sideInterval(baseRuns.samples(), settings),
                Judge.sideInterval(candRuns.samples(), settings),
                change,
                q,
                count(baseRuns.samples()),
                count(candRuns.samples()),
                verdict,
                allocation,
                cand.budget() == null ? null : cand.budget().toString(),
                cand.budgetMet(),
                warnings,
                List.of(),
                null,
                d.baselineRuns(),
                d.candidateRuns(),
                new RunSpread(
                        d.runVariance(),
                        Double.isNaN(d.forkVariance()) ? null : d.forkVariance(),
                        d.degreesOfFreedom(),
                        detectable),
                cand.wallSeconds());
    }

    private static int count(double[][] forks) {
        int n = 0;
        for (double[] f : forks) {
            n += f.length;
        }
        return n;
    }
}
