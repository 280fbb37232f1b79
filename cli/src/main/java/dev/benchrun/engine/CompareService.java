package dev.benchrun.engine;

import dev.benchrun.jmh.Suite;
import dev.benchrun.analysis.Judge;

import dev.benchrun.BenchrunException;
import dev.benchrun.config.Manifest;
import dev.benchrun.config.ManifestLoader;
import dev.benchrun.config.Profile;
import dev.benchrun.config.ProfileLoader;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Threshold;
import dev.benchrun.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The compare use case: resolve both sides and the settings, compare and, if asked, profile the regressions. */
public final class CompareService {

    private final Store store;
    private final RegressionProfiler regressions;

    public CompareService(Store store, ProfileService profiles) {
        this.store = store;
        this.regressions = new RegressionProfiler(profiles);
    }

    public Comparison compare(CompareRequest request) {
        var profiling = request.profileRegressions();
        if (profiling != null && profiling.baselineJar() != null && !Files.isRegularFile(profiling.baselineJar())) {
            throw BenchrunException.input("--baseline-jar " + profiling.baselineJar() + ": file not found");
        }
        var sides = new CompareSides(store, manifest(request), request.workingDir());
        var baseline = sides.load(request.baseline());
        var candidate = sides.load(request.candidate() == null ? Store.LATEST : request.candidate());
        var comparison = Judge.compare(baseline.run(), baseline.side(), candidate.run(), candidate.side(),
                settingsFor(request, candidate.run()));
        return profiling == null ? comparison
                : regressions.profile(comparison, baseline.run(), candidate.run(), profiling, request.workingDir());
    }

    /** The thresholds and statistics a comparison with this candidate uses: the request's profile, else the run's. */
    static CompareSettings settingsFor(CompareRequest request, RunResult candidate) {
        String profileName = request.profile() != null ? request.profile()
                : candidate.settings() != null ? candidate.settings().profile() : ProfileLoader.DEFAULT;
        return settings(loadProfile(profileName, request.profile() != null, request.workingDir()), request);
    }

    private Manifest manifest(CompareRequest request) {
        Path jar;
        try {
            jar = Suite.bundledJar();
        } catch (BenchrunException e) {
            jar = null; // raw JMH files are then categorised only by benchrun.yaml or --manifest
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
