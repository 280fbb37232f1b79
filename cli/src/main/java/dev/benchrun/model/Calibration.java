package dev.benchrun.model;

import java.time.Instant;
import java.util.List;

/**
 * What this machine can detect, measured by {@code benchrun calibrate} (docs/calibrate.md): the
 * selected benchmarks run several times with the same code, and, per benchmark, the smallest
 * change each way of comparing would show at α and 80% power. Kept in the store as
 * {@code calibration.json}; {@code compare} warns where a threshold is below it.
 *
 * @param runs the A/A runs it was measured from, oldest first
 * @param alpha the significance level, adjusted over the selected benchmarks as a comparison does
 * @param target the change asked about, as a fraction; null for each category's warning threshold
 */
public record Calibration(
        int schemaVersion,
        Instant measuredAt,
        String profile,
        List<String> runs,
        double alpha,
        double power,
        Double target,
        List<Benchmark> benchmarks) {

    public static final int SCHEMA_VERSION = 1;

    public Calibration {
        runs = List.copyOf(runs);
        benchmarks = List.copyOf(benchmarks);
    }

    /**
     * One benchmark's noise and what it allows.
     *
     * @param name the display name, as compare's rows show it
     * @param runSpread the drift between runs, as a relative standard deviation (0.02 = 2%)
     * @param forkSpread the spread of forks within a run, likewise; null with one fork a run
     * @param minimalDetectableChange the smallest change, as a fraction, that a comparison against a
     *     baseline of {@link Stored#baselineRuns} runs would show with 80% probability: the default path
     * @param stored against a stored baseline of several runs
     * @param ab in an A/B session ({@code run --against})
     */
    public record Benchmark(
            String name,
            String category,
            double target,
            double runSpread,
            Double forkSpread,
            double minimalDetectableChange,
            Stored stored,
            Ab ab) {}

    /**
     * The stored-baseline path: one candidate run against a baseline of several.
     *
     * @param forks forks per run, as the calibration's profile runs them
     * @param verdictSeconds about how long the candidate's run of this benchmark takes; null where unknown
     * @param floor the smallest change any number of baseline runs would detect: the candidate's
     *     own run is never more precise than one run
     * @param reachesTarget whether the target is within reach with some number of baseline runs
     * @param baselineRunsForTarget how many baseline runs would detect the target; null where none would
     */
    public record Stored(
            int baselineRuns,
            int forks,
            double minimalDetectableChange,
            Double verdictSeconds,
            double floor,
            boolean reachesTarget,
            Integer baselineRunsForTarget) {}

    /**
     * The A/B path, predicted from the spread of forks within a run: a pair's two forks run back to
     * back, so the session's drift cancels and what is left is twice a fork's variance.
     *
     * @param pairs the pairs a session takes at most by default
     * @param minimalDetectableChange with that many pairs
     * @param pairsForTarget how many pairs would detect the target; null where the forks' spread is unknown
     * @param secondsForTarget about how long that many pairs of this benchmark take
     */
    public record Ab(int pairs, Double minimalDetectableChange, Integer pairsForTarget, Double secondsForTarget) {}
}
