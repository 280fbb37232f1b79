package dev.benchrun.engine;

import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.RunSettings;
import dev.benchrun.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code compare --profile-regressions}: profiles each regressed benchmark of the candidate and,
 * where a baseline profile exists or can be made from the old build's jar, attaches the frames
 * that grew most to the regression.
 */
final class RegressionProfiler {

    /** How many grown frames each regression shows. */
    static final int TOP = 5;

    private final ProfileService profiles;

    RegressionProfiler(ProfileService profiles) {
        this.profiles = profiles;
    }

    Comparison profile(
            Comparison comparison,
            RunResult baseline,
            RunResult candidate,
            CompareRequest.ProfileRegressions request,
            Path workingDir) {
        var deltas = new ArrayList<Delta>();
        for (Delta delta : comparison.benchmarks()) {
            deltas.add(
                    delta.verdict() == Verdict.REGRESSION
                            ? profiled(delta, comparison.baseline(), baseline, candidate, request, workingDir)
                            : delta);
        }
        return comparison.withBenchmarks(deltas);
    }

    private Delta profiled(
            Delta delta,
            Comparison.Side baselineSide,
            RunResult baseline,
            RunResult candidate,
            CompareRequest.ProfileRegressions request,
            Path workingDir) {
        Path candidateJar = jarOf(candidate);
        if (candidateJar == null) {
            return delta.withProfile(List.of(), "not profiled: the candidate's benchmark jar is not known or gone");
        }
        var event = request.event();
        String against;
        if (request.baselineJar() != null) {
            var old = profiles.profile(
                    new ProfileRequest(run(delta, baseline, request.baselineJar(), workingDir), event, null));
            against = old.run().id();
        } else if (holdsProfile(baseline, delta) && baselineSide.runId() != null) {
            against = baselineSide.runId();
        } else {
            against = null;
        }
        var outcome =
                profiles.profile(new ProfileRequest(run(delta, candidate, candidateJar, workingDir), event, against));
        String runNote = "profile in run " + outcome.run().id();
        var profile = outcome.profiles().stream().findFirst();
        if (profile.isEmpty() || profile.get().hotspots() == null) {
            return delta.withProfile(List.of(), "profiling produced no samples (" + runNote + ")");
        }
        if (profile.get().diff() == null) {
            return delta.withProfile(
                    List.of(),
                    runNote + "; no baseline profile to diff against"
                            + " (give --baseline-jar with the old build's jar)");
        }
        return delta.withProfile(profile.get().diff().grown(TOP), runNote);
    }

    /** One fork of exactly this benchmark and params, with the side's own JVM and iteration settings. */
    private static RunRequest run(Delta delta, RunResult side, Path jar, Path workingDir) {
        RunSettings s = side.settings();
        var params = new java.util.LinkedHashMap<String, List<String>>();
        delta.params().forEach((k, v) -> params.put(k, List.of(v)));
        // A run of --jmh-annotations took its iterations from the benchmark's annotations: so does its profile.
        boolean annotated = s != null && s.annotations() != null;
        var iterations = s == null || annotated ? null : s;
        var overrides = new RunRequest.Overrides(
                1,
                iterations == null ? null : iterations.warmupIterations(),
                iterations == null ? null : iterations.warmupTime(),
                iterations == null ? null : iterations.measurementIterations(),
                iterations == null ? null : iterations.measurementTime(),
                null,
                null,
                null,
                List.of(),
                List.of(),
                annotated);
        return new RunRequest(
                jar,
                null,
                workingDir,
                List.of(),
                List.of("^" + Pattern.quote(delta.benchmark()) + "$"),
                null,
                s == null || s.jvm() == null ? null : Path.of(s.jvm()),
                s == null ? List.of() : s.jvmArgs(),
                Map.copyOf(params),
                "profile of regression " + delta.displayName(),
                overrides);
    }

    private static boolean holdsProfile(RunResult run, Delta delta) {
        return run.benchmarks().stream()
                .anyMatch(r -> r.benchmark().equals(delta.benchmark())
                        && r.params().equals(delta.params())
                        && !r.profiles().isEmpty());
    }

    private static Path jarOf(RunResult run) {
        if (run.settings() == null || run.settings().jar() == null) {
            return null;
        }
        Path jar = Path.of(run.settings().jar());
        return jar.toString().endsWith(".jar") && Files.isRegularFile(jar) ? jar : null;
    }
}
