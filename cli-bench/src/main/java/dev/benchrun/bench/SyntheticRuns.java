package dev.benchrun.bench;

import dev.benchrun.json.Json;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Environment;
import dev.benchrun.model.Metric;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.RunSettings;
import dev.benchrun.stats.SyntheticBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Large runs drawn from a known model ({@link SyntheticBenchmark#withNoise}: fork-to-fork noise half
 * the iteration noise) for timing {@code compare} at the size of a real suite.
 *
 * <p>{@code java -cp cli-bench.jar dev.benchrun.bench.SyntheticRuns A.json B.json [benchmarks forks iterations]}
 * writes two runs of the same benchmarks; B is 3% slower on every tenth benchmark.
 */
public final class SyntheticRuns {

    private SyntheticRuns() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 5) {
            System.err.println("usage: SyntheticRuns A.json B.json [benchmarks forks iterations]");
            System.exit(2);
        }
        int benchmarks = args.length == 5 ? Integer.parseInt(args[2]) : 1_000;
        int forks = args.length == 5 ? Integer.parseInt(args[3]) : 3;
        int iterations = args.length == 5 ? Integer.parseInt(args[4]) : 10;
        Files.writeString(Path.of(args[0]), Json.write(run("a", benchmarks, forks, iterations, 0, 1)));
        Files.writeString(Path.of(args[1]), Json.write(run("b", benchmarks, forks, iterations, 0.03, 2)));
    }

    /** A run of {@code benchmarks} avgt benchmarks; every tenth is {@code slowdown} slower. */
    public static RunResult run(String id, int benchmarks, int forks, int iterations, double slowdown, long seed) {
        var random = new SplittableRandom(seed);
        var results = new ArrayList<BenchmarkResult>(benchmarks);
        for (int b = 0; b < benchmarks; b++) {
            double mean = (1 + b % 97) * (b % 10 == 0 ? 1 + slowdown : 1);
            var samples = samples(random, mean, 0.02, forks, iterations);
            var metric = new Metric(
                    samples.stream()
                            .flatMap(List::stream)
                            .mapToDouble(Double::doubleValue)
                            .average()
                            .orElseThrow(),
                    null,
                    "us/op",
                    samples,
                    Map.of());
            results.add(new BenchmarkResult(
                    "bench" + b,
                    "org.example.Suite.bench" + b,
                    Map.of(),
                    "avgt",
                    1,
                    b % 2 == 0 ? "crypto" : "datapath",
                    null,
                    null,
                    metric,
                    Map.of(),
                    List.of()));
        }
        return new RunResult(
                RunResult.SCHEMA_VERSION,
                id,
                null,
                Instant.parse("2026-11-23T06:00:00Z"),
                Instant.parse("2026-11-23T07:00:00Z"),
                environment(),
                settings(forks, iterations),
                results,
                List.of(),
                false);
    }

    private static List<List<Double>> samples(
            SplittableRandom random, double mean, double cv, int forks, int iterations) {
        var all = new ArrayList<List<Double>>(forks);
        for (double[] fork : SyntheticBenchmark.withNoise(mean, cv).samples(forks, iterations, random)) {
            // Rounded as JMH output is, so the U test meets ties as it does on real data.
            all.add(Arrays.stream(fork)
                    .map(v -> Math.round(v * 1000) / 1000.0)
                    .boxed()
                    .toList());
        }
        return all;
    }

    private static Environment environment() {
        return new Environment(
                "bench-host",
                "Linux",
                "6.1.0",
                "amd64",
                "Example CPU @ 3.0GHz",
                2,
                25_000_000_000L,
                "performance",
                0.25,
                new Environment.Jvm(
                        "/usr/lib/jvm/java-17/bin/java",
                        "Debian",
                        "17.0.15",
                        "OpenJDK 64-Bit Server VM",
                        "17.0.15+6",
                        List.of()),
                "1.37",
                "0.1.0",
                null,
                null);
    }

    private static RunSettings settings(int forks, int iterations) {
        return new RunSettings(
                "ci",
                forks,
                4,
                "500ms",
                iterations,
                "500ms",
                null,
                null,
                null,
                List.of(),
                null,
                List.of(),
                Map.of(),
                null,
                "synthetic",
                null,
                null);
    }
}
