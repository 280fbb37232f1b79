package dev.benchrun.engine;

import dev.benchrun.model.BenchmarkFailure;
import dev.benchrun.model.BenchmarkResult;
import java.time.Duration;
import java.util.List;

/** Receives a run's progress; the command decides how to show it (a live bar, plain lines, nothing). */
public interface RunProgress {

    /**
     * Where the run is.
     *
     * @param fraction 0 to 1, by estimated time
     * @param current the benchmark (with params) now running
     */
    record State(double fraction, Duration elapsed, Duration remaining, String current, int item, int items) {}

    void update(State state);

    /** Another benchmark run holds the machine; this one waits for it. */
    default void waiting(String why) {}

    /** A benchmark method finished with these results and failures. */
    void finished(RunPlan.Item item, List<BenchmarkResult> results, List<BenchmarkFailure> failures, State state);

    RunProgress NONE = new RunProgress() {
        @Override
        public void update(State state) {}

        @Override
        public void finished(RunPlan.Item item, List<BenchmarkResult> results, List<BenchmarkFailure> failures,
                State state) {}
    };
}
