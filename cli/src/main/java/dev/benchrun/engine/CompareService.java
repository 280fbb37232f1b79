package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.analysis.CalibrationWarnings;
import dev.benchrun.analysis.Judge;
import dev.benchrun.analysis.Recommendations;
import dev.benchrun.config.CompareSettingsLoader;
import dev.benchrun.config.Manifest;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.RunResult;
import dev.benchrun.store.Store;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;

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
        // One after the other: the second file is read with the parser the first one compiled, in
        // a fraction of the time; read side by side, both would be read by the interpreter.
        var baseline = sides.load(request.baseline());
        var candidate = sides.load(request.candidate() == null ? Store.LATEST : request.candidate());
        var comparison = Judge.compare(
                baseline.runs(),
                baseline.side(),
                candidate.runs(),
                candidate.side(),
                settingsFor(request, candidate.run()));
        return finished(
                store,
                profiling == null
                        ? comparison
                        : regressions.profile(
                                comparison, baseline.run(), candidate.run(), profiling, request.workingDir()),
                baseline,
                candidate);
    }

    /**
     * What every comparison gets once it is judged (and its regressions profiled): a warning where
     * the store's calibration says a threshold is below what this machine detects, and the
     * recommendations its measurements and the two sides' runs support.
     */
    static Comparison finished(
            Store store, Comparison comparison, CompareSides.Loaded baseline, CompareSides.Loaded candidate) {
        return withCalibration(store, comparison)
                .withRecommendations(Recommendations.of(comparison, baseline.runs(), candidate.runs()));
    }

    private static Comparison withCalibration(Store store, Comparison comparison) {
        try {
            return store.readCalibration()
                    .map(c -> comparison.withWarnings(CalibrationWarnings.of(comparison, c)))
                    .orElse(comparison);
        } catch (BenchrunException e) {
            return comparison.withWarnings(List.of(e.getMessage() + ": run 'benchrun calibrate' again to replace it"));
        }
    }

    /** The thresholds and statistics a comparison with this candidate uses: the request's profile, else the run's. */
    static CompareSettings settingsFor(CompareRequest request, RunResult candidate) {
        return new CompareSettingsLoader(request.workingDir())
                .load(request.profile(), candidate.settings(), request.overrides());
    }

    /**
     * The manifest for raw JMH sides: one named with --manifest is read (and any fault in it
     * reported) at once; the implicit one, the bundled suites' beside ./benchrun.yaml, only when a
     * side is a raw JMH file, and then once for both sides.
     */
    private static Supplier<Manifest> manifest(CompareRequest request) {
        if (request.manifest() != null) {
            var explicit = RunFileImport.manifest(request.manifest(), request.workingDir());
            return () -> explicit;
        }
        return new Supplier<>() {
            private Manifest manifest;

            @Override
            public synchronized Manifest get() {
                if (manifest == null) {
                    manifest = RunFileImport.manifest(null, request.workingDir());
                }
                return manifest;
            }
        };
    }
}
