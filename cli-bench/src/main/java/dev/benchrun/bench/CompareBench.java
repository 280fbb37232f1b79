package dev.benchrun.bench;

import dev.benchrun.analysis.Judge;
import dev.benchrun.config.CompareSettingsLoader;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.RunResult;
import dev.benchrun.stats.Bootstrap;
import dev.benchrun.stats.MannWhitney;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The statistics core of {@code compare}: a whole comparison of two 1,000-benchmark runs
 * (3 forks × 10 iterations), and its two per-benchmark parts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CompareBench {

    /** The shipped ci profile's settings, as {@code compare} would use them. */
    private static final CompareSettings SETTINGS =
            new CompareSettingsLoader(Path.of("")).load("ci", null, CompareSettingsLoader.Overrides.NONE);

    private static final Comparison.Side SIDE = new Comparison.Side("x", "x", null, null, null, null);

    private RunResult baseline;
    private RunResult candidate;
    private double[][] baseForks;
    private double[][] candForks;
    private double[] basePooled;
    private double[] candPooled;

    @Setup
    public void setUp() {
        baseline = SyntheticRuns.run("a", 1_000, 3, 10, 0, 1);
        candidate = SyntheticRuns.run("b", 1_000, 3, 10, 0.03, 2);
        baseForks = baseline.benchmarks().get(0).score().samplesByFork();
        candForks = candidate.benchmarks().get(0).score().samplesByFork();
        basePooled = baseline.benchmarks().get(0).score().samples();
        candPooled = candidate.benchmarks().get(0).score().samples();
    }

    /** compare of 1,000 benchmarks, as the CLI runs it (parallel over benchmarks). */
    @Benchmark
    public Comparison compare1000() {
        return Judge.compare(baseline, SIDE, candidate, SIDE, SETTINGS);
    }

    /** One benchmark's interval: 10,000 two-level resamples of 3 × 10 a side. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Bootstrap.RatioInterval bootstrap3x10() {
        return Bootstrap.ratioOfMeans(baseForks, candForks, SETTINGS.resamples(), SETTINGS.confidence(), 42L);
    }

    /** One benchmark's U test: 30 against 30 values with ties (exact, tie-aware). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public MannWhitney.Result uTest30x30() {
        return MannWhitney.test(basePooled, candPooled);
    }
}
