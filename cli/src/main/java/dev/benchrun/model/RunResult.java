package dev.benchrun.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One stored run, self-contained: what ran, where, how, and every result with its samples.
 *
 * @param interrupted true when the run was stopped (Ctrl-C) and holds only what had finished
 */
public record RunResult(
        int schemaVersion,
        String id,
        String label,
        Instant started,
        Instant finished,
        Environment environment,
        RunSettings settings,
        List<BenchmarkResult> benchmarks,
        List<BenchmarkFailure> failures,
        boolean interrupted) {

    /** The version of run.json this benchrun writes, and the newest it reads (docs/run-json.md). */
    public static final int SCHEMA_VERSION = 1;

    public RunResult {
        Objects.requireNonNull(id, "id");
        benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    public RunResult withBenchmarks(List<BenchmarkResult> results) {
        return new RunResult(
                schemaVersion, id, label, started, finished, environment, settings, results, failures, interrupted);
    }

    public RunResult withSettings(RunSettings newSettings) {
        return new RunResult(
                schemaVersion,
                id,
                label,
                started,
                finished,
                environment,
                newSettings,
                benchmarks,
                failures,
                interrupted);
    }
}
