package dev.benchrun.engine;

import dev.benchrun.jmh.JmhArguments;
import dev.benchrun.jmh.ResultClassifier;
import dev.benchrun.host.EnvironmentProbe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.jmh.JmhEvent;
import dev.benchrun.jmh.JmhJson;
import dev.benchrun.jmh.JmhLock;
import dev.benchrun.jmh.JmhProcess;
import dev.benchrun.model.BenchmarkFailure;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.RunResult;
import dev.benchrun.store.AtomicFiles;
import dev.benchrun.json.Json;
import dev.benchrun.store.Store;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Executes a plan: one JMH child process per benchmark method, progress from its output, results
 * from its JSON; then stores the run. A failing benchmark is recorded and the rest still run;
 * Ctrl-C stops the forks and keeps what finished.
 */
public final class RunEngine implements AutoCloseable {

    /** Extra JMH arguments for an item, e.g. a profiler writing into the run's directory. */
    @FunctionalInterface
    public interface ExtraArguments {
        List<String> forItem(RunPlan.Item item, Path runDir);

        ExtraArguments NONE = (item, dir) -> List.of();
    }

    /**
     * The last change to a run before it is published, made while its files are still private:
     * e.g. linking the profiler's files to the results. Returns the run to store.
     */
    @FunctionalInterface
    public interface BeforePublish {
        RunResult complete(RunResult run, Path runDir) throws IOException;

        BeforePublish NONE = (run, dir) -> run;
    }

    /**
     * What {@link #execute} produced.
     *
     * @param runDir where the run is stored
     */
    public record Outcome(RunResult run, Path runDir) {
        /** 130 if interrupted, 3 if a benchmark failed, 1 if budgets are checked and one is missed. */
        public ExitCode exitCode(boolean checkBudgets) {
            if (run.interrupted()) {
                return ExitCode.INTERRUPTED;
            }
            if (!run.failures().isEmpty()) {
                return ExitCode.EXECUTION;
            }
            boolean missed = run.benchmarks().stream().anyMatch(r -> Boolean.FALSE.equals(r.budgetMet()));
            return checkBudgets && missed ? ExitCode.GATE_FAILED : ExitCode.OK;
        }
    }

    private final Store store;
    private final RunProgress progress;
    private final ExtraArguments extraArguments;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onInterrupt, "benchrun-interrupt");
    private final BeforePublish beforePublish;
    private volatile JmhProcess current;
    private volatile boolean interrupted;

    public RunEngine(Store store, RunProgress progress, ExtraArguments extraArguments) {
        this(store, progress, extraArguments, BeforePublish.NONE);
    }

    public RunEngine(Store store, RunProgress progress, ExtraArguments extraArguments, BeforePublish beforePublish) {
        this.store = store;
        this.progress = progress;
        this.extraArguments = extraArguments;
        this.beforePublish = beforePublish;
    }

    /**
     * Runs the plan and stores the run. On Ctrl-C the forks are stopped and what finished is
     * stored; the JVM then waits until {@link #close()}, so the caller can still report it.
     */
    public Outcome execute(RunPlan plan, Path workingDir) {
        // Waiting for the lock comes first: Ctrl-C while waiting simply ends the process.
        try (var lock = JmhLock.acquire(() -> progress.waiting(
                "another benchmark run holds JMH's lock; waiting for it to finish"))) {
            Instant started = Instant.now();
            Runtime.getRuntime().addShutdownHook(hook);
            return executeInto(plan, workingDir, Store.newRunId(started), started);
        } catch (IOException e) {
            throw BenchrunException.execution("cannot write the run to " + store.root() + ": " + e.getMessage(), e);
        }
    }

    /** Lets an interrupted JVM exit; called when the caller has reported the outcome. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Shutting down already (Ctrl-C), or the hook was never added: nothing to remove.
        }
    }

    private Outcome executeInto(RunPlan plan, Path workingDir, String id, Instant started) throws IOException {
        Path staging = store.stagingDir(id);
        var results = new ArrayList<BenchmarkResult>();
        var failures = new ArrayList<BenchmarkFailure>();
        var jmhJson = Json.MAPPER.createArrayNode();
        String jmhVersion = null;
        var clock = new ProgressClock(plan, started);
        // Read before the benchmarks run, so the load average is the machine's, not theirs.
        var environment = EnvironmentProbe.capture(plan.jvm(), plan.settings().jvmArgs(), null, workingDir);
        try (Writer log = Files.newBufferedWriter(staging.resolve("jmh.log"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < plan.items().size() && !interrupted; i++) {
                var item = plan.items().get(i);
                var outcome = runItem(plan, item, i, staging, log, clock);
                if (interrupted) {
                    break;
                }
                outcome.json().forEach(jmhJson::add);
                var classified = ResultClassifier.classify(outcome.entries(), plan.suite().manifest(),
                        Map.of(item.member().info().benchmark(), item.member().id()));
                results.addAll(classified);
                failures.addAll(outcome.failures());
                if (!outcome.entries().isEmpty() && jmhVersion == null) {
                    jmhVersion = outcome.entries().get(0).jmhVersion();
                }
                clock.finishItem(i);
                progress.finished(item, classified, outcome.failures(), clock.state(i, item));
            }
        }
        AtomicFiles.write(staging.resolve("jmh.json"), Json.write(jmhJson));
        var run = new RunResult(RunResult.SCHEMA_VERSION, id, plan.label(), started, Instant.now(),
                environment.withJmhVersion(jmhVersion),
                plan.settings(), results, failures, interrupted);
        run = beforePublish.complete(run, staging);
        Path dir = store.publishRun(run, staging);
        return new Outcome(run, dir);
    }

    private record ItemOutcome(List<JmhJson.Entry> entries, ArrayNode json, List<BenchmarkFailure> failures) {}

    private ItemOutcome runItem(RunPlan plan, RunPlan.Item item, int index, Path staging, Writer log,
            ProgressClock clock) throws IOException {
        Path resultFile = staging.resolve("jmh-" + index + ".json");
        var command = JmhArguments.command(item, plan.settings(), plan.suite().jar(), resultFile,
                extraArguments.forItem(item, staging));
        log.write("# benchrun: " + String.join(" ", command) + "\n");
        var process = new JmhProcess(command);
        current = process;
        var failures = new FailureLog();
        int exit;
        try {
            exit = process.run(log, event -> {
                failures.accept(event);
                if (event instanceof JmhEvent.IterationDone) {
                    clock.iterationDone(index);
                }
                progress.update(clock.state(index, item));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = true;
            return new ItemOutcome(List.of(), Json.MAPPER.createArrayNode(), List.of());
        } finally {
            current = null;
        }
        ArrayNode json = readResults(resultFile);
        Files.deleteIfExists(resultFile);
        var entries = JmhJson.parse(json, resultFile.getFileName().toString());
        return new ItemOutcome(entries, json, missing(item, entries, failures.reasons, exit));
    }

    /** Remembers JMH's failure reason for each param combination. */
    private static final class FailureLog implements java.util.function.Consumer<JmhEvent> {
        private final Map<Map<String, String>, String> reasons = new LinkedHashMap<>();
        private Map<String, String> params = Map.of();

        @Override
        public void accept(JmhEvent event) {
            if (event instanceof JmhEvent.BenchmarkStarted started) {
                params = parseParams(started.parameters());
            } else if (event instanceof JmhEvent.Failed failed) {
                reasons.putIfAbsent(params, failed.reason());
            }
        }
    }

    private static ArrayNode readResults(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return Json.MAPPER.createArrayNode();
        }
        JsonNode node = Json.MAPPER.readTree(file.toFile());
        return node instanceof ArrayNode array ? array : Json.MAPPER.createArrayNode();
    }

    /** Param combinations the plan expected but JMH produced no result for, with JMH's reason. */
    private static List<BenchmarkFailure> missing(RunPlan.Item item, List<JmhJson.Entry> entries,
            Map<Map<String, String>, String> reasons, int exit) {
        var produced = entries.stream().map(e -> new TreeMap<>(e.params())).toList();
        var failures = new ArrayList<BenchmarkFailure>();
        for (var combination : combinations(item.params())) {
            if (produced.contains(combination)) {
                continue;
            }
            String reason = reasons.getOrDefault(combination,
                    reasons.isEmpty() ? "no result (JMH exited with code " + exit + "; see jmh.log in the run)"
                            : reasons.values().iterator().next());
            failures.add(new BenchmarkFailure(item.member().id(), item.member().info().benchmark(), combination, reason));
        }
        return failures;
    }

    static List<TreeMap<String, String>> combinations(Map<String, List<String>> params) {
        var result = new ArrayList<TreeMap<String, String>>();
        result.add(new TreeMap<>());
        for (var param : params.entrySet()) {
            var next = new ArrayList<TreeMap<String, String>>();
            for (var partial : result) {
                for (String value : param.getValue()) {
                    var extended = new TreeMap<>(partial);
                    extended.put(param.getKey(), value);
                    next.add(extended);
                }
            }
            result = next;
        }
        return result;
    }

    /** JMH prints parameters as {@code (a = 1, b = x)}. */
    static Map<String, String> parseParams(String text) {
        var params = new TreeMap<String, String>();
        for (String pair : text.split(", ")) {
            int eq = pair.indexOf(" = ");
            if (eq > 0) {
                params.put(pair.substring(0, eq).trim(), pair.substring(eq + 3).trim());
            }
        }
        return params;
    }

    private void onInterrupt() {
        interrupted = true;
        JmhProcess process = current;
        if (process != null) {
            process.stop();
        }
        try {
            // Let the main thread store and report what finished before the JVM exits.
            done.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
            double remaining = fraction <= 0.02
                    ? total - doneSeconds
                    : elapsed.toMillis() / 1000.0 / fraction * (1 - fraction);
            String current = item.member().id();
            return new RunProgress.State(fraction, elapsed, Duration.ofMillis(Math.round(Math.max(0, remaining) * 1000)),
                    current, index + 1, plan.items().size());
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
