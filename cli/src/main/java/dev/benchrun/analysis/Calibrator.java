package dev.benchrun.analysis;

import dev.benchrun.model.BenchmarkKey;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Calibration;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Unit;
import dev.benchrun.stats.RunLevel;
import dev.benchrun.stats.SignedRank;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * What a machine can detect, from runs of the same code on it (docs/calibrate.md). Per benchmark,
 * the variance components of its runs ({@link RunLevel#components}) predict the standard error a
 * comparison would have: against a stored baseline of several runs, the run-level model of {@link
 * RunLevelJudge}; in an A/B session, pairs of forks run back to back, whose log ratio has twice a
 * fork's variance within a run. The smallest detectable change is (q₁₋α/2m + q_power)·se, m the
 * benchmarks judged together (the comparison adjusts over them), never below the noise floor.
 */
public final class Calibrator {

    /** Power at which detectable changes are stated. */
    public static final double POWER = RunLevelJudge.POWER;

    /** The most baseline runs a calibration considers for a target. */
    static final int MOST_BASELINE_RUNS = 50;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Calibrator() {}

    /**
     * @param runs the A/A runs, oldest first; at least 2
     * @param forkSeconds per benchmark (JMH's name), about how long one fork takes
     * @param target the change to reach, as a fraction; null for each category's warning threshold
     * @param baselineRuns how many runs a stored baseline keeps
     * @param maxPairs the pairs an A/B session takes at most
     */
    public static Calibration calibrate(
            List<RunResult> runs,
            Map<String, Double> forkSeconds,
            CompareSettings settings,
            Double target,
            int baselineRuns,
            int maxPairs,
            Instant now) {
        var newest = runs.get(runs.size() - 1);
        var index = Judge.index(newest);
        var measured = new ArrayList<BenchmarkKey>();
        var components = new ArrayList<RunLevel.Components>();
        var indexed = new RunLevelJudge.Indexed(runs);
        for (var entry : index.entrySet()) {
            var logs = indexed.runs(
                            entry.getKey(), Unit.parse(entry.getValue().score().unit()))
                    .logCosts();
            if (logs.length >= 2) {
                measured.add(entry.getKey());
                components.add(RunLevel.components(logs));
            }
        }
        double alpha = settings.alpha() / Math.max(1, measured.size());
        var benchmarks = new ArrayList<Calibration.Benchmark>();
        for (int i = 0; i < measured.size(); i++) {
            var result = index.get(measured.get(i));
            double goal = target != null
                    ? target
                    : settings.thresholdFor(result.category()).warning();
            double seconds = forkSeconds.getOrDefault(result.benchmark(), Double.NaN);
            benchmarks.add(
                    benchmark(result, components.get(i), goal, seconds, alpha, settings, baselineRuns, maxPairs));
        }
        return new Calibration(
                Calibration.SCHEMA_VERSION,
                now,
                newest.settings() == null ? null : newest.settings().profile(),
                runs.stream().map(RunResult::id).toList(),
                alpha,
                POWER,
                target,
                benchmarks);
    }

    private static Calibration.Benchmark benchmark(
            BenchmarkResult result,
            RunLevel.Components c,
            double target,
            double forkSeconds,
            double alpha,
            CompareSettings settings,
            int baselineRuns,
            int maxPairs) {
        int forks = result.score().samplesByFork().length;
        double floorOf = settings.noiseFloor();
        double stored =
                Math.max(floorOf, Math.expm1(c.predicted(baselineRuns, forks).smallestDetectable(alpha, POWER)));
        double z = STANDARD_NORMAL.inverseSurvivalProbability(alpha / 2)
                + STANDARD_NORMAL.inverseCumulativeProbability(POWER);
        double runMean = c.runVariance() + (Double.isNaN(c.forkVariance()) ? 0 : c.forkVariance() / forks);
        double floor = Math.max(floorOf, Math.expm1(z * Math.sqrt(runMean)));
        Integer runsForTarget = null;
        for (int k = 2; k <= MOST_BASELINE_RUNS && floor < target; k++) {
            if (Math.expm1(c.predicted(k, forks).smallestDetectable(alpha, POWER)) <= target) {
                runsForTarget = k;
                break;
            }
        }
        Double abDetectable = null;
        Integer pairsForTarget = null;
        Double abSeconds = null;
        // With one fork a run (the profile of A/B sessions) the forks' variance cannot be told from
        // the drift between runs: the runs' whole variance stands for it, an upper bound, since a
        // pair's two forks run back to back and the drift between them is smaller.
        double perFork = Double.isNaN(c.forkVariance()) ? c.runVariance() : c.forkVariance();
        if (!Double.isNaN(perFork) && perFork > 0) {
            double pairSd = Math.sqrt(2 * perFork);
            abDetectable = Math.max(floorOf, Math.expm1(z * pairSd / Math.sqrt(maxPairs)));
            // Never fewer than the signed-rank test needs to reject at all: 7 pairs at α = 0.025.
            int least = SignedRank.pairsToDetect(alpha).count();
            pairsForTarget = Math.max(least, (int) Math.ceil(Math.pow(z * pairSd / Math.log1p(target), 2)));
            abSeconds = Double.isNaN(forkSeconds) ? null : pairsForTarget * 2 * forkSeconds;
        }
        return new Calibration.Benchmark(
                result.displayName(),
                result.category(),
                target,
                Math.expm1(Math.sqrt(c.runVariance())),
                Double.isNaN(c.forkVariance()) ? null : Math.expm1(Math.sqrt(c.forkVariance())),
                stored,
                new Calibration.Stored(
                        baselineRuns,
                        forks,
                        stored,
                        Double.isNaN(forkSeconds) ? null : forks * forkSeconds,
                        floor,
                        floor < target,
                        runsForTarget),
                new Calibration.Ab(maxPairs, abDetectable, pairsForTarget, abSeconds));
    }
}
