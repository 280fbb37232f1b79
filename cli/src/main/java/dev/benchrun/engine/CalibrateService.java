package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.analysis.Calibrator;
import dev.benchrun.config.CompareSettingsLoader;
import dev.benchrun.model.Baseline;
import dev.benchrun.model.Calibration;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunResult;
import dev.benchrun.store.Store;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The calibrate use case (docs/calibrate.md): runs the selection several times with the same code,
 * stores each run, and keeps in the store what the machine can detect on each path.
 */
public final class CalibrateService {

    private final Store store;
    private final RunService runs;

    public CalibrateService(Store store, RunService runs) {
        this.store = store;
        this.runs = runs;
    }

    /** What calibrate did: the calibration, and the file it is kept in (null where it could not be). */
    public record Calibrated(Calibration calibration, java.nio.file.Path file, String notStored) {}

    public Calibrated calibrate(CalibrateRequest request) {
        if (request.runs() < 2) {
            throw BenchrunException.input("--runs " + request.runs() + ": calibrating needs at least 2 runs");
        }
        if (request.target() != null && !(request.target() > 0 && request.target() < 1)) {
            throw BenchrunException.input("--target: give a change between 0% and 100%");
        }
        var made = new ArrayList<RunResult>();
        var forkSeconds = new HashMap<String, Double>();
        for (int i = 1; i <= request.runs(); i++) {
            var label = "calibrate " + i + "/" + request.runs()
                    + (request.run().label() == null ? "" : ": " + request.run().label());
            var outcome = runs.run(new RunJob(request.run().withLabel(label), false, null, null));
            if (outcome.notStored() != null) {
                throw BenchrunException.execution(outcome.notStored());
            }
            if (outcome.run().interrupted()) {
                throw BenchrunException.execution("calibration interrupted after " + made.size() + " of "
                        + request.runs() + " runs: nothing is kept (the runs made are stored)");
            }
            made.add(outcome.run());
            forkSeconds.putAll(forkSeconds(outcome.plan(), outcome.run()));
        }
        var settings = new CompareSettingsLoader(request.run().workingDir())
                .load(
                        request.run().profile(),
                        made.get(made.size() - 1).settings(),
                        new CompareSettingsLoader.Overrides(null, null, Map.of()));
        var calibration = Calibrator.calibrate(
                made,
                forkSeconds,
                settings,
                request.target(),
                Baseline.DEFAULT_KEEP,
                SessionService.DEFAULT_MAX_PAIRS,
                Instant.now());
        try {
            store.saveCalibration(calibration);
            return new Calibrated(calibration, store.calibrationFile(), null);
        } catch (IOException e) {
            return new Calibrated(
                    calibration, null, "the calibration could not be kept in " + store.root() + ": " + e.getMessage());
        }
    }

    /**
     * About how long one fork of each benchmark took: the plan's estimate per fork, scaled by how
     * the run's measured wall time compared with the plan's estimate.
     */
    private static Map<String, Double> forkSeconds(RunPlan plan, RunResult run) {
        double estimated = plan.estimate().toMillis() / 1000.0;
        double measured = run.started() == null || run.finished() == null
                ? estimated
                : Duration.between(run.started(), run.finished()).toMillis() / 1000.0;
        double scale = estimated > 0 ? measured / estimated : 1;
        var seconds = new HashMap<String, Double>();
        for (var item : plan.items()) {
            int perItem = Math.max(1, item.runs() * item.forks());
            seconds.put(item.benchmark(), item.estimate().toMillis() / 1000.0 / perItem * scale);
        }
        return seconds;
    }
}
