package dev.benchrun.testing;

import dev.benchrun.analysis.SteadyState;
import dev.benchrun.config.Manifest;
import dev.benchrun.jmh.JmhJson;
import dev.benchrun.jmh.ResultClassifier;
import dev.benchrun.model.Budget;
import dev.benchrun.model.Environment;
import dev.benchrun.model.Noise;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.RunSettings;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Fixed, realistic model objects for tests: JMH output from the fixture benchmarks, a fixed machine. */
public final class Fixtures {

    private Fixtures() {}

    public static final Manifest MANIFEST = new Manifest(
            1,
            List.of(
                    new Manifest.Entry("sum", "datapath", Budget.parse("< 1 us"), null, null, List.of()),
                    new Manifest.Entry(
                            "sumThroughput", "datapath", Budget.parse("> 1000000 ops/s"), null, null, List.of())));

    public static Environment environment() {
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
                        List.of("-Xmx1g")),
                "1.37",
                "0.1.0",
                new Environment.Git("0123456789abcdef0123456789abcdef01234567", "main", false, null),
                null);
    }

    /** What the noise preflight and sampler read on a quiet two-CPU machine in a cgroup v2 container. */
    public static Noise noise() {
        return new Noise(
                new Noise.Before(
                        300L, 2, Map.of("performance", 2), false, 0.1, 1, 212, 0.0, 3.5, 0L, 0L, "v2", 2.0, List.of()),
                new Noise.During(46, 90_000L, 1.2, 2, 0.1, 0L, 0L, List.of(new Noise.Busy("cc1", 12.5))),
                "G1",
                "tiered");
    }

    /** {@link #run} with the noise readings of {@link #noise} in its environment. */
    public static RunResult runWithNoise(String id) throws IOException {
        var run = run(id);
        return run.withEnvironment(run.environment().withNoise(noise()));
    }

    public static RunSettings settings() {
        return new RunSettings(
                "quick",
                2,
                1,
                "100ms",
                2,
                "100ms",
                null,
                null,
                null,
                List.of("gc"),
                null,
                List.of("-Xmx1g"),
                Map.of(),
                "10min",
                "fixtures.jar",
                null,
                null);
    }

    /** A run made from real JMH output of the fixture benchmarks (avgt and thrpt, gc profiler, 2 forks). */
    public static RunResult run(String id) throws IOException {
        var entries = JmhJson.parse(Golden.resource("jmh/jmh-1.37-gc.json"), "jmh-1.37-gc.json");
        return new RunResult(
                RunResult.SCHEMA_VERSION,
                id,
                "fixture run",
                Instant.parse("2026-11-23T06:15:00Z"),
                Instant.parse("2026-11-23T06:16:30Z"),
                environment(),
                settings(),
                SteadyState.assessed(ResultClassifier.classify(entries, MANIFEST)).stream()
                        .map(r -> r.withWallSeconds(1.75)) // as a run measures it; JMH's JSON has none
                        .toList(),
                List.of(),
                false);
    }
}
