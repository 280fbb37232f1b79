package dev.benchrun.engine;

import dev.benchrun.jmh.Suite;
import dev.benchrun.analysis.Judge;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.config.Manifest;
import dev.benchrun.config.ManifestLoader;
import dev.benchrun.config.CompareSettingsLoader;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Verdict;
import dev.benchrun.store.Store;
import java.nio.file.Path;

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
        return new CompareSettingsLoader(request.workingDir()).load(request.profile(), candidate.settings(),
                new CompareSettingsLoader.Overrides(request.alpha(), request.noiseFloor(), request.thresholds()));
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
}
