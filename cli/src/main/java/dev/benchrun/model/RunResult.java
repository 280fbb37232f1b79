package dev.benchrun.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One stored run, self-contained: what ran, where, how, and every result with its samples.
 *
 * @param interrupted true when the run was stopped (Ctrl-C) and holds only what had finished
 * @param kind what the run was made for: {@link #RUN} (measuring) or {@link #PROFILE} (one fork with a
 *     profiler attached, whose numbers carry its overhead); absent in files older than the field, which
 *     read as {@link #RUN}; {@link #AGAINST} for the baseline side of an A/B session
 * @param session the A/B session the run is one side of ({@code run --against}); null for a run of its own
 * @param variants the variant run the run is one variant of ({@code run --profile A,B}); null for a run of its own
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
        boolean interrupted,
        String kind,
        Session session,
        VariantSet variants) {

    /** The kind of a run made by {@code benchrun run}. */
    public static final String RUN = "run";

    /**
     * The kind of the baseline side of an A/B session: the older build, measured only to be
     * compared with, so never the {@code latest} run.
     */
    public static final String AGAINST = "against";

    /** The kind of a run made by {@code benchrun profile}. */
    public static final String PROFILE = "profile";

    /** The version of run.json this benchrun writes, and the newest it reads (docs/run-json.md). */
    public static final int SCHEMA_VERSION = 1;

    public RunResult {
        Objects.requireNonNull(id, "id");
        benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
        failures = failures == null ? List.of() : List.copyOf(failures);
        kind = kind == null ? RUN : kind;
    }

    /** A run that is not one variant of a variant run: one of its own, or one side of an A/B session. */
    public RunResult(
            int schemaVersion,
            String id,
            String label,
            Instant started,
            Instant finished,
            Environment environment,
            RunSettings settings,
            List<BenchmarkResult> benchmarks,
            List<BenchmarkFailure> failures,
            boolean interrupted,
            String kind,
            Session session) {
        this(
                schemaVersion,
                id,
                label,
                started,
                finished,
                environment,
                settings,
                benchmarks,
                failures,
                interrupted,
                kind,
                session,
                null);
    }

    /** A run of its own, not one side of an A/B session. */
    public RunResult(
            int schemaVersion,
            String id,
            String label,
            Instant started,
            Instant finished,
            Environment environment,
            RunSettings settings,
            List<BenchmarkResult> benchmarks,
            List<BenchmarkFailure> failures,
            boolean interrupted,
            String kind) {
        this(
                schemaVersion,
                id,
                label,
                started,
                finished,
                environment,
                settings,
                benchmarks,
                failures,
                interrupted,
                kind,
                null,
                null);
    }

    /** An ordinary measuring run. */
    public RunResult(
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
        this(
                schemaVersion,
                id,
                label,
                started,
                finished,
                environment,
                settings,
                benchmarks,
                failures,
                interrupted,
                RUN,
                null,
                null);
    }

    /**
     * Whether the run stands for the code's performance when no run is named ({@code latest}, report
     * variants and history): a measuring run with results. A profile run (or a kind a newer benchrun
     * wrote) is not, nor is a run interrupted before any benchmark finished.
     */
    public boolean representative() {
        return RUN.equals(kind) && !(interrupted && benchmarks.isEmpty());
    }

    public RunResult withKind(String newKind) {
        return new RunResult(
                schemaVersion,
                id,
                label,
                started,
                finished,
                environment,
                settings,
                benchmarks,
                failures,
                interrupted,
                newKind,
                session,
                variants);
    }

    /** The benchmarks with results in more than one mode in this run, whose names carry the mode. */
    @JsonIgnore
    public java.util.Set<String> inSeveralModes() {
        return BenchmarkKey.inSeveralModes(
                benchmarks.stream().map(BenchmarkResult::key).toList());
    }

    public RunResult withBenchmarks(List<BenchmarkResult> results) {
        return new RunResult(
                schemaVersion,
                id,
                label,
                started,
                finished,
                environment,
                settings,
                results,
                failures,
                interrupted,
                kind,
                session,
                variants);
    }

    public RunResult withEnvironment(Environment newEnvironment) {
        return new RunResult(
                schemaVersion,
                id,
                label,
                started,
                finished,
                newEnvironment,
                settings,
                benchmarks,
                failures,
                interrupted,
                kind,
                session,
                variants);
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
                interrupted,
                kind,
                session,
                variants);
    }
}
