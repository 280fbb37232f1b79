package dev.benchrun.engine;

import dev.benchrun.jmh.Suite;
import dev.benchrun.analysis.Judge;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.config.Manifest;
import dev.benchrun.config.ManifestLoader;
import dev.benchrun.config.Profile;
import dev.benchrun.config.ProfileLoader;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Threshold;
import dev.benchrun.model.Verdict;
import dev.benchrun.store.Store;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The compare use case: resolve both sides and the settings, compare, decide the exit code. */
public final class CompareService {

    /** Which verdicts fail the gate. */
    public enum FailOn { REGRESSION, WARNING, NEVER }

    private final Store store;

    public CompareService(Store store) {
        this.store = store;
    }

    /** A comparison with the two runs it was made from. */
    public record Compared(Comparison comparison, RunResult baseline, RunResult candidate) {}

    public Comparison compare(CompareRequest request) {
        return compareRuns(request).comparison();
    }

    public Compared compareRuns(CompareRequest request) {
        var sides = new CompareSides(store, manifest(request), request.workingDir());
        var baseline = sides.load(request.baseline());
        var candidate = sides.load(request.candidate() == null ? Store.LATEST : request.candidate());
        return new Compared(Judge.compare(baseline.run(), baseline.side(), candidate.run(), candidate.side(),
                settingsFor(request, candidate.run())), baseline.run(), candidate.run());
    }

    /** The thresholds and statistics a comparison with this candidate uses: the request's profile, else the run's. */
    static CompareSettings settingsFor(CompareRequest request, RunResult candidate) {
        String profileName = request.profile() != null ? request.profile()
                : candidate.settings() != null ? candidate.settings().profile() : ProfileLoader.DEFAULT;
        return settings(loadProfile(profileName, request.profile() != null, request.workingDir()), request);
    }

    /** 1 when a gate fails (by {@code failOn}, or a missing benchmark with {@code strict}), else 0. */
    public static ExitCode exitCode(Comparison comparison, FailOn failOn, boolean strict) {
        boolean failed = switch (failOn) {
            case REGRESSION -> comparison.count(Verdict.REGRESSION) > 0;
            case WARNING -> comparison.count(Verdict.REGRESSION) + comparison.count(Verdict.WARNING) > 0;
            case NEVER -> false;
        };
        boolean missing = strict && !comparison.onlyInBaseline().isEmpty();
        return failed || missing ? ExitCode.GATE_FAILED : ExitCode.OK;
    }

    private Manifest manifest(CompareRequest request) {
        Path jar = request.jar();
        if (jar == null) {
            try {
                jar = Suite.bundledJar();
            } catch (BenchrunException e) {
                jar = null; // raw JMH files are then categorised only by benchrun.yaml or --manifest
            }
        }
        if (jar == null) {
            return request.manifest() != null ? ManifestLoader.fromFile(request.manifest()) : Manifest.EMPTY;
        }
        return ManifestLoader.load(jar, request.manifest(), request.workingDir());
    }

    private static Profile loadProfile(String name, boolean explicit, Path workingDir) {
        var loader = new ProfileLoader(workingDir);
        try {
            return loader.load(name);
        } catch (BenchrunException e) {
            if (explicit) {
                throw e;
            }
            return loader.load(ProfileLoader.DEFAULT); // the candidate's profile is not known here
        }
    }

    static CompareSettings settings(Profile profile, CompareRequest request) {
        var stats = profile.statistics() != null ? profile.statistics()
                : new Profile.Statistics(null, null, null, null, null);
        var thresholds = new HashMap<String, Threshold>();
        profile.thresholds().forEach((category, t) -> thresholds.put(category,
                new Threshold(t.warning().fraction(), t.failure().fraction())));
        thresholds.putAll(request.thresholds());
        thresholds.putIfAbsent(CompareSettings.ANY_OTHER, new Threshold(0.05, 0.10));
        double alpha = firstNonNull(request.alpha(), stats.alpha(), 0.05);
        if (!(alpha > 0 && alpha < 1)) {
            throw BenchrunException.input("--alpha " + alpha + " must be between 0 and 1");
        }
        double noiseFloor = request.noiseFloor() != null ? request.noiseFloor()
                : stats.noiseFloor() != null ? stats.noiseFloor().fraction() : 0.01;
        int resamples = firstNonNull(stats.resamples(), 10_000);
        if (resamples < 1000) {
            throw BenchrunException.input("profile '" + profile.name() + "': statistics.resamples must be at least 1000");
        }
        return new CompareSettings(profile.name(), alpha, firstNonNull(stats.confidence(), 0.95), noiseFloor, resamples,
                firstNonNull(stats.seed(), 20130615L), Map.copyOf(thresholds));
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        throw new IllegalArgumentException("no value");
    }
}
