package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.analysis.SteadyState;
import dev.benchrun.host.EnvironmentProbe;
import dev.benchrun.host.Interrupts;
import dev.benchrun.host.NoiseProbe;
import dev.benchrun.jmh.JmhArguments;
import dev.benchrun.jmh.JmhEvent;
import dev.benchrun.jmh.JmhLauncher;
import dev.benchrun.jmh.ResultClassifier;
import dev.benchrun.json.Json;
import dev.benchrun.model.BenchmarkFailure;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunProgress;
import dev.benchrun.model.RunResult;
import dev.benchrun.store.AtomicFiles;
import dev.benchrun.store.Store;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Executes a plan for the run and profile use cases: one JMH invocation per benchmark method,
 * progress from its events, results from its JSON; then stores the run. A failing benchmark is
 * recorded and the rest still run; Ctrl-C stops JMH and keeps what finished.
 */
final class PlanExecutor {

    /** Extra JMH arguments for an item, e.g. a profiler writing into the run's directory. */
    @FunctionalInterface
    interface ExtraArguments {
        List<String> forItem(RunPlan.Item item, Path runDir);

        ExtraArguments NONE = (item, dir) -> List.of();
    }

    /**
     * The last change to a run before it is published, made while its files are still private:
     * e.g. linking the profiler's files to the results. Returns the run to store.
     */
    @FunctionalInterface
    interface BeforePublish {
        RunResult complete(RunResult run, Path runDir) throws IOException;

        BeforePublish NONE = (run, dir) -> run;
    }

    /**
     * A run and the directory it is stored in.
     *
     * @param runDir null when the run could not be stored
     * @param notStored why the run could not be stored (a full disk, say); null when it was
     */
    record Executed(RunResult run, Path runDir, String notStored) {}

    private final Store store;
    private final JmhLauncher jmh;
    private final Interrupts interrupts;
    private final RunProgress progress;
    private final Preflight preflight;

    PlanExecutor(Store store, JmhLauncher jmh, Interrupts interrupts, RunProgress progress, NoiseProbe noise) {
        this.store = store;
        this.jmh = jmh;
        this.interrupts = interrupts;
        this.progress = progress;
        this.preflight = new Preflight(noise);
    }

    /**
     * Runs the plan and stores the run, also when Ctrl-C stopped it (then marked interrupted).
     *
     * @param strictEnv refuse (exit 2) when the noise preflight finds the machine noisy
     */
    Executed execute(
            PlannedRun planned, Path workingDir, ExtraArguments extra, BeforePublish beforePublish, boolean strictEnv) {
        return execute(planned, workingDir, extra, beforePublish, strictEnv, Revision.NONE);
    }

    /**
     * The commit and branch given on the command line ({@code run --commit/--branch}), which win over
     * the jar's manifest and the working directory's checkout; null where not given.
     */
    record Revision(String commit, String branch) {
        static final Revision NONE = new Revision(null, null);
    }

    /** The same, with the run's commit as given. */
    Executed execute(
            PlannedRun planned,
            Path workingDir,
            ExtraArguments extra,
            BeforePublish beforePublish,
            boolean strictEnv,
            Revision revision) {
        if (interrupts.interrupted()) {
            throw new BenchrunException(ExitCode.INTERRUPTED, "interrupted");
        }
        // Refused before anything runs rather than at the first benchmark.
        JmhArguments.jvmArgs(planned.plan().settings().jvmArgs());
        var runner = new ItemRunner(jmh, interrupts);
        // Waiting for the lock comes first: Ctrl-C while waiting simply ends the process.
        try (var lock = jmh.lock(
                        () -> progress.waiting("another benchmark run holds JMH's lock; waiting for it to finish"));
                var stop = interrupts.onInterrupt(runner::stop)) {
            // After the lock: another benchrun's forks are not this machine's noise, and are over now.
            var before = preflight.start(strictEnv, planned.plan().settings().threads());
            Instant started = Instant.now();
            return executeInto(planned, workingDir, extra, beforePublish, runner, started, before, revision);
        } catch (IOException e) {
            throw BenchrunException.execution(
                    "cannot write the run to " + store.root() + ": " + AtomicFiles.describe(e), e);
        } finally {
            progress.done();
        }
    }

    private Executed executeInto(
            PlannedRun planned,
            Path workingDir,
            ExtraArguments extra,
            BeforePublish beforePublish,
            ItemRunner runner,
            Instant started,
            Preflight.Started before,
            Revision revision)
            throws IOException {
        var plan = planned.plan();
        String id = Store.newRunId(started);
        Path staging = store.stagingDir(id);
        var results = new ArrayList<BenchmarkResult>();
        var failures = new ArrayList<BenchmarkFailure>();
        var jmhJson = Json.MAPPER.createArrayNode();
        String jmhVersion = null;
        var clock = new ProgressClock(plan, started);
        // The load average read now, before the benchmarks run; git beside the first JMH child's start.
        var probing = EnvironmentProbe.begin(plan.jvm(), plan.settings().jvmArgs(), null, workingDir);
        boolean interrupted = false;
        IOException notStored = null;
        var sampler = preflight.during(before);
        try (Writer log = Files.newBufferedWriter(staging.resolve("jmh.log"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < plan.items().size() && !interrupted; i++) {
                var item = plan.items().get(i);
                Path resultFile = staging.resolve("jmh-" + i + ".json");
                var command = JmhArguments.command(
                        item, plan.settings(), planned.suite().jar(), resultFile, extra.forItem(item, staging));
                int index = i;
                var outcome = runner.run(command, item, resultFile, log, event -> {
                    if (event instanceof JmhEvent.IterationDone) {
                        clock.iterationDone(index);
                    }
                    progress.update(clock.state(index, item));
                });
                interrupted = outcome == null || interrupts.interrupted();
                if (interrupted) {
                    break;
                }
                outcome.json().forEach(jmhJson::add);
                var classified = SteadyState.assessed(ResultClassifier.classify(
                        outcome.entries(), planned.suite().manifest(), Map.of(item.benchmark(), item.id())));
                results.addAll(classified);
                failures.addAll(outcome.failures());
                if (!outcome.entries().isEmpty() && jmhVersion == null) {
                    jmhVersion = outcome.entries().get(0).jmhVersion();
                }
                clock.finishItem(i);
                progress.finished(item, classified, outcome.failures(), clock.state(i, item));
            }
        } catch (IOException e) {
            // The store's disk is full, say: what was measured so far is still shown.
            notStored = e;
        } finally {
            if (sampler != null) {
                sampler.stop();
            }
        }
        var probed = probing.join();
        var environment = probed.withGit(EnvironmentProbe.revision(
                revision.commit(), revision.branch(), planned.suite().jar(), probed.git()));
        var noise = Preflight.noise(
                before.before(),
                sampler == null ? null : sampler.stop(),
                plan.jvm(),
                plan.settings().jvmArgs());
        var run = new RunResult(
                RunResult.SCHEMA_VERSION,
                id,
                plan.label(),
                started,
                Instant.now(),
                environment.withJmhVersion(jmhVersion).withNoise(noise),
                plan.settings(),
                results,
                failures,
                interrupted);
        if (notStored == null) {
            try {
                AtomicFiles.write(staging.resolve("jmh.json"), Json.write(jmhJson));
                var completed = beforePublish.complete(run, staging);
                return new Executed(completed, store.publishRun(completed, staging), null);
            } catch (IOException e) {
                notStored = e;
            }
        }
        AtomicFiles.deleteTreeQuietly(staging); // never published; the store ignores staging directories
        return new Executed(run, null, AtomicFiles.describe(notStored));
    }

    /** Estimates progress by planned time, corrected by how fast the run really goes. */
    private static final class ProgressClock {
        private final RunPlan plan;
        private final Instant started;
        private final double total;
        private final int[] iterations;
        private double finishedSeconds;

        ProgressClock(RunPlan plan, Instant started) {
            this.plan = plan;
            this.started = started;
            this.total = plan.estimate().toMillis() / 1000.0;
            this.iterations = new int[plan.items().size()];
        }

        synchronized void iterationDone(int index) {
            iterations[index]++;
        }

        synchronized void finishItem(int index) {
            finishedSeconds += plan.items().get(index).estimate().toMillis() / 1000.0;
        }

        synchronized RunProgress.State state(int index, RunPlan.Item item) {
            double itemSeconds = item.estimate().toMillis() / 1000.0;
            double inItem = Math.min(1.0, iterations[index] / (double) Math.max(1, item.totalIterations()));
            double doneSeconds = finishedSeconds + (isFinished(index) ? 0 : inItem * itemSeconds);
            double fraction = total <= 0 ? 1 : Math.min(1.0, doneSeconds / total);
            Duration elapsed = Duration.between(started, Instant.now());
            double remaining =
                    fraction <= 0.02 ? total - doneSeconds : elapsed.toMillis() / 1000.0 / fraction * (1 - fraction);
            return new RunProgress.State(
                    fraction,
                    elapsed,
                    Duration.ofMillis(Math.round(Math.max(0, remaining) * 1000)),
                    item.id(),
                    index + 1,
                    plan.items().size());
        }

        private boolean isFinished(int index) {
            double sum = 0;
            for (int i = 0; i <= index; i++) {
                sum += plan.items().get(i).estimate().toMillis() / 1000.0;
            }
            return finishedSeconds >= sum - 1e-9;
        }
    }
}
