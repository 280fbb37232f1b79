package dev.benchrun.model;

import java.time.Duration;
import java.util.List;

/** Receives a run's progress; the command decides how to show it (a live bar, plain lines, nothing). */
public interface RunProgress {

    /**
     * What is about to run.
     *
     * @param benchmarks the JMH invocations, one per benchmark method, which the progress counts
     * @param benchmarkRuns the results they will produce: each param combination in each mode
     *
     * @param event the profiler's event for a profile run; null for a plain run
     * @param notes run-wide notes, e.g. what the plan left out or an event fallback
     */
    record Start(
            int benchmarks, int benchmarkRuns, Duration estimate, String profile, String event, List<String> notes) {
        public Start {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Where the run is.
     *
     * @param fraction 0 to 1, by estimated time
     * @param current the benchmark (with params) now running
     */
    record State(double fraction, Duration elapsed, Duration remaining, String current, int item, int items) {}

    /** The run is planned and about to start. */
    default void starting(Start start) {}

    void update(State state);

    /**
     * An A/B session is planned and about to start: so many benchmarks, each taking from its first
     * check's pairs to the most, so its wall time lies between {@code shortest} and {@code longest}.
     */
    default void startingSession(
            int benchmarks, Duration shortest, Duration longest, String profile, List<String> notes) {}

    /**
     * A variant run is planned and about to start: the same benchmarks under each of {@code
     * variants}, {@code benchmarkRuns} in all, their forks interleaved.
     */
    default void startingVariants(
            List<String> variants, int benchmarks, int benchmarkRuns, Duration estimate, List<String> notes) {}

    /** Another benchmark run holds the machine; this one waits for it. */
    default void waiting(String why) {}

    /** A benchmark method finished with these results and failures. */
    void finished(RunPlan.Item item, List<BenchmarkResult> results, List<BenchmarkFailure> failures, State state);

    /**
     * A benchmark of an A/B session stopped adding pairs.
     *
     * @param why why it stopped: "changed", "unchanged", "most pairs", ...
     */
    default void paired(String name, int pairs, String why, List<BenchmarkFailure> failures, State state) {}

    /** The run is over (finished, failed or interrupted): nothing more will be reported. */
    default void done() {}

    /** The same progress without the announcement of each start: for runs made on the way to something else. */
    default RunProgress withoutStart() {
        RunProgress self = this;
        return new RunProgress() {
            @Override
            public void update(State state) {
                self.update(state);
            }

            @Override
            public void waiting(String why) {
                self.waiting(why);
            }

            @Override
            public void finished(
                    RunPlan.Item item, List<BenchmarkResult> results, List<BenchmarkFailure> failures, State state) {
                self.finished(item, results, failures, state);
            }

            @Override
            public void paired(String name, int pairs, String why, List<BenchmarkFailure> failures, State state) {
                self.paired(name, pairs, why, failures, state);
            }

            @Override
            public void done() {
                self.done();
            }
        };
    }
}
