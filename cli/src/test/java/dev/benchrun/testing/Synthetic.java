package dev.benchrun.testing;

import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Metric;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Threshold;
import dev.benchrun.stats.SyntheticBenchmark;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Runs with samples drawn from a known model ({@link SyntheticBenchmark}), and the settings to judge them with. */
public final class Synthetic {

    private Synthetic() {}

    public static final CompareSettings SETTINGS = new CompareSettings(
            "quick",
            0.05,
            0.95,
            0.01,
            10_000,
            42L,
            Map.of(
                    "crypto",
                    new Threshold(0.10, 0.25),
                    "memory",
                    new Threshold(0.20, 0.50),
                    "default",
                    new Threshold(0.05, 0.10)));

    /** forks × iterations of values around {@code mean}, with relative noise {@code cv} (seeded). */
    public static List<List<Double>> samples(double mean, double cv, int forks, int iterations, long seed) {
        return lists(SyntheticBenchmark.withNoise(mean, cv).samples(forks, iterations, new SplittableRandom(seed)));
    }

    /** Samples as a {@link Metric} holds them. */
    private static List<List<Double>> lists(double[][] forks) {
        return Arrays.stream(forks).map(f -> Arrays.stream(f).boxed().toList()).toList();
    }

    public static Metric metric(String unit, List<List<Double>> forks) {
        double mean = forks.stream()
                .flatMap(List::stream)
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(0);
        return new Metric(mean, null, unit, forks, Map.of());
    }

    public static BenchmarkResult result(String id, String category, String mode, Metric primary, Metric alloc) {
        var secondary = new LinkedHashMap<String, Metric>();
        if (alloc != null) {
            secondary.put(BenchmarkResult.ALLOC_NORM, alloc);
        }
        return new BenchmarkResult(
                id, "org.example.Bench." + id, Map.of(), mode, 1, category, null, null, primary, secondary, List.of());
    }

    public static RunResult run(String id, List<BenchmarkResult> results) {
        return new RunResult(
                RunResult.SCHEMA_VERSION,
                id,
                null,
                Instant.parse("2026-11-23T06:00:00Z"),
                Instant.parse("2026-11-23T06:01:00Z"),
                Fixtures.environment(),
                Fixtures.settings(),
                results,
                List.of(),
                false);
    }
}
