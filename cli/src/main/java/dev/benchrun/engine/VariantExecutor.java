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
import dev.benchrun.model.BenchmarkKey;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Environment;
import dev.benchrun.model.Noise;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunProgress;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.VariantSet;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Executes a variant run: benchmark method by benchmark method, one fork of each variant in turn,
 * round after round until every variant has run its profile's forks. Round r starts with variant
 * r (mod the variants) and goes on in order, so each variant runs first as often as any other, and
 * what drifts while a benchmark runs is shared by all its variants. Each variant is then stored as
 * an ordinary run of its own profile and JVM, its forks in the order they ran.
 */
final class VariantExecutor {

    /**
     * The variants' runs, in the order given, and where they are stored.
     *
     * @param dirs null when the runs could not be stored
     * @param notStored why they could not be stored; null when they were
     */
    record Executed(List<RunResult> runs, List<Path> dirs, String notStored) {}

    private final Store store;
    private final JmhLauncher jmh;
    private final Interrupts interrupts;
    private final RunProgress progress;
    private final Preflight preflight;

    VariantExecutor(Store store, JmhLauncher jmh, Interrupts interrupts, RunProgress progress, NoiseProbe noise) {
        this.store = store;
        this.jmh = jmh;
        this.interrupts = interrupts;
        this.progress = progress;
        this.preflight = new Preflight(noise);
    }

    /** One variant while it runs: its plan, staging directory, log, and what its forks measured. */
    private static final class Variant {
        final PlannedRun planned;
        final String name;
        final String id;
        final Path staging;
        final Writer log;
        final Environment environment;
        /** Each result's forks, in the order they ran, by benchmark, params and mode. */
        final Map<BenchmarkKey, List<BenchmarkResult>> forks = new LinkedHashMap<>();
        /** The plan's items by benchmark method. */
        final Map<String, RunPlan.Item> items = new LinkedHashMap<>();

        final List<BenchmarkResult> results = new ArrayList<>();
        final List<BenchmarkFailure> failures = new ArrayList<>();
        final com.fasterxml.jackson.databind.node.ArrayNode jmhJson = Json.MAPPER.createArrayNode();
        String jmhVersion;
        int invocations;

        Variant(PlannedRun planned, String name, String id, Path staging, Environment environment) throws IOException {
            this.planned = planned;
            this.name = name;
            this.id = id;
            this.staging = staging;
            this.log = Files.newBufferedWriter(staging.resolve("jmh.log"), StandardCharsets.UTF_8);
            this.environment = environment;
            planned.plan().items().forEach(item -> items.putIfAbsent(item.id(), item));
        }

        /** The plan's item of a benchmark method; null where this variant does not run it. */
        RunPlan.Item item(String id) {
            return items.get(id);
        }
    }

    /** Runs the variants, interleaved, and stores each as a run; also when Ctrl-C stopped them. */
    Executed execute(
            List<PlannedRun> planned,
            List<String> names,
            Path workingDir,
            boolean strictEnv,
            PlanExecutor.Revision revision) {
        if (interrupts.interrupted()) {
            throw new BenchrunException(ExitCode.INTERRUPTED, "interrupted");
        }
        planned.forEach(p -> JmhArguments.jvmArgs(p.plan().settings().jvmArgs()));
        var runner = new ItemRunner(jmh, interrupts);
        try (var lock = jmh.lock(
                        () -> progress.waiting("another benchmark run holds JMH's lock; waiting for it to finish"));
                var stop = interrupts.onInterrupt(runner::stop)) {
            // After the lock, as for a run: one preflight and one sampler for all variants, which share the machine.
            int threads = planned.stream()
                    .mapToInt(p -> p.plan().settings().threads() == null
                            ? 1
                            : p.plan().settings().threads())
                    .max()
                    .orElse(1);
            var before = preflight.before(strictEnv, threads);
            return executeInto(planned, names, workingDir, revision, runner, before);
        } catch (IOException e) {
            throw BenchrunException.execution(
                    "cannot write the run to " + store.root() + ": " + AtomicFiles.describe(e), e);
        } finally {
            progress.done();
        }
    }

    private Executed executeInto(
            List<PlannedRun> planned,
            List<String> names,
            Path workingDir,
            PlanExecutor.Revision revision,
            ItemRunner runner,
            Noise.Before before)
            throws IOException {
        Instant started = Instant.now();
        var variants = new ArrayList<Variant>();
        for (int v = 0; v < planned.size(); v++) {
            // Ids apart by more than their 1/256 s, so the variants list in the order given.
            String id = Store.newRunId(started.plusMillis(4L * v));
            variants.add(new Variant(
                    planned.get(v),
                    names.get(v),
                    id,
                    store.stagingDir(id),
                    environment(planned.get(v), workingDir, revision)));
        }
        var methods = new LinkedHashSet<String>();
        planned.forEach(p -> p.plan().items().forEach(item -> methods.add(item.id())));
        var clock = new Clock(planned, started, methods.size());
        boolean interrupted = false;
        var sampler = preflight.during(before);
        try {
            int index = 0;
            for (String method : methods) {
                interrupted = runMethod(method, index++, variants, runner, clock);
                if (interrupted) {
                    break;
                }
            }
        } finally {
            for (var variant : variants) {
                variant.log.close();
            }
            if (sampler != null) {
                sampler.stop();
            }
        }
        Instant finished = Instant.now();
        var during = sampler == null ? null : sampler.stop();
        var members =
                variants.stream().map(v -> new VariantSet.Member(v.id, v.name)).toList();
        var set = new VariantSet(variants.get(0).id, variants.get(0).name, members);
        var runs = new ArrayList<RunResult>();
        for (var variant : variants) {
            var plan = variant.planned.plan();
            var noise =
                    Preflight.noise(before, during, plan.jvm(), plan.settings().jvmArgs());
            runs.add(new RunResult(
                    RunResult.SCHEMA_VERSION,
                    variant.id,
                    plan.label(),
                    started,
                    finished,
                    variant.environment.withJmhVersion(variant.jmhVersion).withNoise(noise),
                    plan.settings(),
                    variant.results,
                    variant.failures,
                    interrupted,
                    RunResult.RUN,
                    null,
                    set.as(variant.name)));
        }
        try {
            var dirs = new ArrayList<Path>();
            for (var variant : variants) {
                AtomicFiles.write(variant.staging.resolve("jmh.json"), Json.write(variant.jmhJson));
            }
            for (int v = 0; v < variants.size(); v++) {
                dirs.add(store.publishRun(runs.get(v), variants.get(v).staging));
            }
            return new Executed(runs, dirs, null);
        } catch (IOException e) {
            variants.forEach(v -> AtomicFiles.deleteTreeQuietly(v.staging));
            return new Executed(runs, null, AtomicFiles.describe(e));
        }
    }

    /**
     * One benchmark method under every variant that has it, fork by fork in rotating order; a
     * variant whose fork fails runs no more of this method. True when Ctrl-C stopped it.
     */
    private boolean runMethod(String method, int index, List<Variant> variants, ItemRunner runner, Clock clock)
            throws IOException {
        var having = variants.stream().filter(v -> v.item(method) != null).toList();
        int rounds = having.stream().mapToInt(v -> v.item(method).forks()).max().orElse(0);
        var failed = new LinkedHashSet<Variant>();
        var failures = new ArrayList<BenchmarkFailure>();
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < having.size(); turn++) {
                var variant = having.get((round + turn) % having.size());
                var item = variant.item(method);
                if (round >= item.forks() || failed.contains(variant)) {
                    continue;
                }
                variant.log.write("# benchrun: " + method + " fork " + (round + 1) + " of " + item.forks()
                        + ", variant " + variant.name + ", " + ordinal(turn + 1) + " of round " + (round + 1) + "\n");
                clock.at(method + ": fork " + (round + 1) + ", " + variant.name, item);
                var fork = fork(variant, item, runner, clock, index);
                if (fork == null) {
                    return true;
                }
                if (!fork.isEmpty()) {
                    failed.add(variant);
                    failures.addAll(fork);
                }
                clock.forkDone(item);
            }
        }
        var results = new ArrayList<BenchmarkResult>();
        for (var variant : having) {
            var merged = new ArrayList<BenchmarkResult>();
            variant.forks.values().forEach(forks -> merged.add(SessionExecutor.merge(forks)));
            var assessed = SteadyState.assessed(merged);
            variant.results.addAll(assessed);
            results.addAll(assessed);
            variant.forks.clear();
        }
        progress.finished(having.get(0).item(method), results, failures, clock.state(index));
        return false;
    }

    /** One fork of a method under one variant: its failures (empty when it measured), or null when interrupted. */
    private List<BenchmarkFailure> fork(Variant variant, RunPlan.Item item, ItemRunner runner, Clock clock, int index)
            throws IOException {
        Path resultFile = variant.staging.resolve("jmh-" + variant.invocations++ + ".json");
        var settings = variant.planned.plan().settings().withForks(1);
        var command = JmhArguments.command(
                item.oneFork(), settings, variant.planned.suite().jar(), resultFile, List.of());
        var outcome = runner.run(command, item, resultFile, variant.log, event -> {
            if (event instanceof JmhEvent.IterationDone) {
                clock.iterationDone();
            }
            progress.update(clock.state(index));
        });
        if (outcome == null || interrupts.interrupted()) {
            return null;
        }
        outcome.json().forEach(variant.jmhJson::add);
        if (variant.jmhVersion == null && !outcome.entries().isEmpty()) {
            variant.jmhVersion = outcome.entries().get(0).jmhVersion();
        }
        var classified = ResultClassifier.classify(
                outcome.entries(), variant.planned.suite().manifest(), Map.of(item.benchmark(), item.id()));
        classified.forEach(r ->
                variant.forks.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        variant.failures.addAll(outcome.failures());
        return outcome.failures();
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 1 -> "first";
            case 2 -> "second";
            case 3 -> "third";
            default -> n + "th";
        };
    }

    /** The variant's machine and JVM, and its commit: as given, else its jar's manifest, else the checkout's. */
    private static Environment environment(PlannedRun planned, Path workingDir, PlanExecutor.Revision revision) {
        var plan = planned.plan();
        var probed = EnvironmentProbe.capture(plan.jvm(), plan.settings().jvmArgs(), null, workingDir);
        return probed.withGit(EnvironmentProbe.revision(
                revision.commit(), revision.branch(), planned.suite().jar(), probed.git()));
    }

    /** Progress by planned time: each fork is its method's estimate over its forks. */
    private static final class Clock {
        private final Instant started;
        private final int methods;
        private final double total;
        private double doneSeconds;
        private int iterations;
        private String current = "";
        private RunPlan.Item running;

        Clock(List<PlannedRun> planned, Instant started, int methods) {
            this.started = started;
            this.methods = methods;
            this.total = Math.max(
                    1e-3,
                    planned.stream()
                                    .mapToLong(p -> p.plan().estimate().toMillis())
                                    .sum()
                            / 1000.0);
        }

        synchronized void at(String what, RunPlan.Item item) {
            current = what;
            running = item;
            iterations = 0;
        }

        synchronized void iterationDone() {
            iterations++;
        }

        synchronized void forkDone(RunPlan.Item item) {
            doneSeconds += forkSeconds(item);
            running = null;
        }

        private static double forkSeconds(RunPlan.Item item) {
            return item.estimate().toMillis() / 1000.0 / Math.max(1, item.forks());
        }

        synchronized RunProgress.State state(int index) {
            double inFork = running == null
                    ? 0
                    : Math.min(1, iterations / (double) Math.max(1, running.totalIterations() / running.forks()))
                            * forkSeconds(running);
            double fraction = Math.min(1, (doneSeconds + inFork) / total);
            Duration elapsed = Duration.between(started, Instant.now());
            double remaining = fraction <= 0.02
                    ? total - doneSeconds - inFork
                    : elapsed.toMillis() / 1000.0 / fraction * (1 - fraction);
            return new RunProgress.State(
                    fraction,
                    elapsed,
                    Duration.ofMillis(Math.round(Math.max(0, remaining) * 1000)),
                    current,
                    index + 1,
                    methods);
        }
    }
}
