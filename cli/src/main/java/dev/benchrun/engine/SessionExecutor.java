package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.analysis.PairedJudge;
import dev.benchrun.analysis.SteadyState;
import dev.benchrun.host.CpuAffinity;
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
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Environment;
import dev.benchrun.model.Metric;
import dev.benchrun.model.Noise;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunProgress;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Session;
import dev.benchrun.model.SessionPlan;
import dev.benchrun.stats.SequentialLooks;
import dev.benchrun.store.AtomicFiles;
import dev.benchrun.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Executes an A/B session: benchmark by benchmark, pairs of forks, one of each side back to back
 * (ABBA: pair k runs the baseline first when k is even), until the benchmark's verdict is decided at
 * a look, the schedule ends, its share of {@code --max-time} is spent, a fork fails or Ctrl-C stops
 * the session. Then both sides are stored as runs of one session, fork k of each being pair k.
 */
final class SessionExecutor {

    /** The two sides of an executed session and where they are stored. */
    record Executed(RunResult baseline, RunResult candidate, Path baselineDir, Path candidateDir, String notStored) {}

    private final Store store;
    private final JmhLauncher jmh;
    private final Interrupts interrupts;
    private final RunProgress progress;
    private final Preflight preflight;
    /** Runs the candidate's fork beside the baseline's when the forks of a pair run at once. */
    private final ExecutorService beside = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "benchrun-duet");
        thread.setDaemon(true);
        return thread;
    });

    SessionExecutor(Store store, JmhLauncher jmh, Interrupts interrupts, RunProgress progress, NoiseProbe noise) {
        this.store = store;
        this.jmh = jmh;
        this.interrupts = interrupts;
        this.progress = progress;
        this.preflight = new Preflight(noise);
    }

    /** One side while it runs: its plan, staging directory, log, and what it measured. */
    private static final class Side {
        final PlannedRun planned;
        final String role;
        final String id;
        final Path staging;
        final Writer log;
        final Environment environment;
        final List<BenchmarkResult> results = new ArrayList<>();
        final List<BenchmarkFailure> failures = new ArrayList<>();
        final com.fasterxml.jackson.databind.node.ArrayNode jmhJson = Json.MAPPER.createArrayNode();
        String jmhVersion;
        int forks;
        Noise noise;

        Side(PlannedRun planned, String role, String id, Path staging, Environment environment) throws IOException {
            this.planned = planned;
            this.role = role;
            this.id = id;
            this.staging = staging;
            this.log = Files.newBufferedWriter(staging.resolve("jmh.log"), StandardCharsets.UTF_8);
            this.environment = environment;
        }
    }

    Executed execute(
            SessionPlan plan,
            PlannedRun baseline,
            PlannedRun candidate,
            SequentialLooks looks,
            CompareSettings settings,
            Double precision,
            boolean strictEnv) {
        if (interrupts.interrupted()) {
            throw new BenchrunException(ExitCode.INTERRUPTED, "interrupted");
        }
        JmhArguments.jvmArgs(baseline.plan().settings().jvmArgs());
        JmhArguments.jvmArgs(candidate.plan().settings().jvmArgs());
        var runner = new ItemRunner(jmh, interrupts);
        try (var lock = jmh.lock(
                        () -> progress.waiting("another benchmark run holds JMH's lock; waiting for it to finish"));
                var stop = interrupts.onInterrupt(runner::stop)) {
            // After the lock, as for a run: one preflight and one sampler for both sides, which share the machine.
            var before = preflight.before(strictEnv, candidate.plan().settings().threads());
            return executeInto(plan, baseline, candidate, looks, settings, precision, runner, before);
        } catch (IOException e) {
            throw BenchrunException.execution(
                    "cannot write the session to " + store.root() + ": " + AtomicFiles.describe(e), e);
        } finally {
            progress.done();
        }
    }

    private Executed executeInto(
            SessionPlan plan,
            PlannedRun baselinePlan,
            PlannedRun candidatePlan,
            SequentialLooks looks,
            CompareSettings settings,
            Double precision,
            ItemRunner runner,
            Noise.Before before)
            throws IOException {
        Instant started = Instant.now();
        // The candidate's id is later by more than the ids' 1/256 s, so it lists after the baseline side.
        String baseId = Store.newRunId(started);
        String candId = Store.newRunId(started.plusMillis(4));
        var base =
                new Side(baselinePlan, Session.BASELINE, baseId, store.stagingDir(baseId), environment(baselinePlan));
        var cand = new Side(
                candidatePlan, Session.CANDIDATE, candId, store.stagingDir(candId), environment(candidatePlan));
        var stops = new TreeMap<String, Session.Stop>();
        var clock = new Clock(plan, started);
        boolean interrupted = false;
        var sampler = preflight.during(before);
        try {
            for (int u = 0; u < plan.units().size() && !interrupted; u++) {
                var unit = plan.units().get(u);
                var outcome = runUnit(plan, u, base, cand, looks, settings, precision, runner, clock);
                interrupted = outcome.stop() == Session.Stop.INTERRUPTED;
                // Keyed as PairedJudge.sessionKey keys a result, also for a benchmark that got no pair.
                stops.put(
                        SessionService.key(unit.candidate())
                                .display(unit.candidate().id(), true),
                        outcome.stop());
                clock.finishUnit(u);
                progress.paired(
                        unit.name(), outcome.pairs(), outcome.stop().label(), outcome.failures(), clock.state(u, null));
            }
        } finally {
            base.log.close();
            cand.log.close();
            if (sampler != null) {
                sampler.stop();
            }
        }
        Instant finished = Instant.now();
        var during = sampler == null ? null : sampler.stop();
        base.noise = noise(baselinePlan, before, during);
        cand.noise = noise(candidatePlan, before, during);
        var session =
                new Session(candId, Session.BASELINE, candId, plan.order(), looks.maxPairs(), looks.pairs(), stops);
        var baseRun = run(base, started, finished, interrupted, RunResult.AGAINST, session);
        var candRun = run(cand, started, finished, interrupted, RunResult.RUN, session.otherSide(baseId));
        try {
            AtomicFiles.write(base.staging.resolve("jmh.json"), Json.write(base.jmhJson));
            AtomicFiles.write(cand.staging.resolve("jmh.json"), Json.write(cand.jmhJson));
            Path baseDir = store.publishRun(baseRun, base.staging);
            Path candDir = store.publishRun(candRun, cand.staging);
            return new Executed(baseRun, candRun, baseDir, candDir, null);
        } catch (IOException e) {
            AtomicFiles.deleteTreeQuietly(base.staging);
            AtomicFiles.deleteTreeQuietly(cand.staging);
            return new Executed(baseRun, candRun, null, null, AtomicFiles.describe(e));
        }
    }

    /** What one benchmark's pairs came to: both sides' merged results, how many pairs and why it stopped. */
    private record UnitOutcome(
            BenchmarkResult baseline,
            BenchmarkResult candidate,
            int pairs,
            Session.Stop stop,
            List<BenchmarkFailure> failures) {}

    private UnitOutcome runUnit(
            SessionPlan plan,
            int index,
            Side base,
            Side cand,
            SequentialLooks looks,
            CompareSettings settings,
            Double precision,
            ItemRunner runner,
            Clock clock)
            throws IOException {
        var unit = plan.units().get(index);
        var baseForks = new ArrayList<BenchmarkResult>();
        var candForks = new ArrayList<BenchmarkResult>();
        var failures = new ArrayList<BenchmarkFailure>();
        Session.Stop stop = null;
        Duration budget = clock.budgetFor(index);
        Instant unitStart = Instant.now();
        int pair = 0;
        while (stop == null) {
            if (budget != null && pair > 0) {
                var perPair = Duration.between(unitStart, Instant.now()).dividedBy(pair);
                if (Duration.between(unitStart, Instant.now()).plus(perPair).compareTo(budget) > 0) {
                    stop = Session.Stop.TIME;
                    break;
                }
            } else if (budget != null && budget.compareTo(unit.perPair()) < 0) {
                stop = Session.Stop.TIME;
                break;
            }
            var forks = plan.duet() == null
                    ? inTurn(pair, unit, index, base, cand, looks, runner, clock)
                    : atOnce(plan.duet(), pair, unit, index, base, cand, looks, runner, clock);
            var measured = new LinkedHashMap<Side, BenchmarkResult>();
            for (var entry : forks.entrySet()) {
                if (entry.getValue() instanceof Interrupted) {
                    stop = Session.Stop.INTERRUPTED;
                } else if (entry.getValue() instanceof Failed failed) {
                    entry.getKey().failures.addAll(failed.failures());
                    failures.addAll(failed.failures());
                    stop = stop == null ? Session.Stop.FAILED : stop;
                } else {
                    measured.put(entry.getKey(), ((Measured) entry.getValue()).result());
                }
            }
            if (stop != null || interrupts.interrupted()) {
                stop = stop != null ? stop : Session.Stop.INTERRUPTED;
                break; // a pair with one fork is no pair: it is left out
            }
            baseForks.add(measured.get(base));
            candForks.add(measured.get(cand));
            pair++;
            clock.pairDone();
            if (plan.checks().contains(pair) || pair >= looks.maxPairs()) {
                var evidence =
                        PairedJudge.evidence(merge(baseForks), merge(candForks), looks, settings.confidence(), false);
                stop = evidence == null
                        ? Session.Stop.MOST_PAIRS
                        : PairedJudge.stop(
                                evidence, looks, settings, plan.units().size(), precision);
            }
        }
        if (pair == 0) {
            return new UnitOutcome(null, null, 0, stop, failures);
        }
        var baseResult = SteadyState.assessed(merge(baseForks));
        var candResult = SteadyState.assessed(merge(candForks));
        base.results.add(baseResult);
        cand.results.add(candResult);
        return new UnitOutcome(baseResult, candResult, pair, stop, failures);
    }

    /** One fork's outcome: a result, failures, or stopped by Ctrl-C (which is not a failure). */
    private sealed interface Fork permits Measured, Failed, Interrupted {}

    private record Measured(BenchmarkResult result) implements Fork {}

    private record Failed(List<BenchmarkFailure> failures) implements Fork {}

    private record Interrupted() implements Fork {}

    /**
     * Pair {@code pair} as two forks back to back, in ABBA order: the forks that ran, in the order
     * they ran; the second is not run when the first did not measure.
     */
    private Map<Side, Fork> inTurn(
            int pair,
            SessionPlan.Unit unit,
            int index,
            Side base,
            Side cand,
            SequentialLooks looks,
            ItemRunner runner,
            Clock clock)
            throws IOException {
        var order = pair % 2 == 0 ? List.of(base, cand) : List.of(cand, base);
        var forks = new LinkedHashMap<Side, Fork>();
        for (var side : order) {
            side.log.write("# benchrun: " + unit.name() + " pair " + (pair + 1) + ", " + side.role
                    + (side == order.get(0) ? " first" : " second") + "\n");
            clock.at(unit.name() + ": pair " + (pair + 1) + " of ≤" + looks.maxPairs() + ", " + side.role);
            var fork = fork(side, item(unit, side, base), null, pair, runner, clock, index, () -> {});
            forks.put(side, fork);
            if (!(fork instanceof Measured)) {
                break;
            }
        }
        return forks;
    }

    /**
     * Pair {@code pair} as two forks at once, each pinned to its half of the CPUs, the halves
     * swapping sides from pair to pair: what disturbs the machine while they run disturbs both.
     * One fork is started a moment before the other, and the one started second runs the last
     * moment of its measurement alone, a little faster; so which side starts first follows ABBA
     * over the pairs (pairs 1 and 4 the baseline, 2 and 3 the candidate), crossed with the halves,
     * and neither the start nor the CPU favours a side over four pairs.
     */
    private Map<Side, Fork> atOnce(
            SessionPlan.Duet duet,
            int pair,
            SessionPlan.Unit unit,
            int index,
            Side base,
            Side cand,
            SequentialLooks looks,
            ItemRunner runner,
            Clock clock)
            throws IOException {
        clock.at(unit.name() + ": pair " + (pair + 1) + " of ≤" + looks.maxPairs() + ", both at once");
        var first = pair % 4 == 0 || pair % 4 == 3 ? base : cand;
        var second = first == base ? cand : base;
        for (var side : List.of(base, cand)) {
            side.log.write("# benchrun: " + unit.name() + " pair " + (pair + 1) + ", " + side.role + " on CPU "
                    + duet.cpusOf(side == base, pair) + ", both at once, started "
                    + (side == first ? "first" : "second") + "\n");
        }
        var started = new CountDownLatch(1);
        var early = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return fork(
                                first, item(unit, first, base), duet, pair, runner, clock, index, started::countDown);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        started.countDown();
                    }
                },
                beside);
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var forks = new LinkedHashMap<Side, Fork>();
        Fork late;
        try {
            late = fork(second, item(unit, second, base), duet, pair, runner, clock, index, () -> {});
        } catch (IOException | RuntimeException e) {
            runner.stop(); // the fork started first must not outlive the session
            throw e;
        }
        try {
            forks.put(first, early.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
        forks.put(second, late);
        return forks;
    }

    private static RunPlan.Item item(SessionPlan.Unit unit, Side side, Side base) {
        return side == base ? unit.baseline() : unit.candidate();
    }

    /**
     * One fork of one side, of pair {@code pair}; pinned to the side's CPUs of {@code duet} unless
     * that is null. A pinned fork's JVM is told how many CPUs benchrun may use, so it sizes its
     * collector, heap and threads as it would unpinned.
     */
    private Fork fork(
            Side side,
            RunPlan.Item item,
            SessionPlan.Duet duet,
            int pair,
            ItemRunner runner,
            Clock clock,
            int index,
            Runnable launched)
            throws IOException {
        String cpus = duet == null ? null : duet.cpusOf(side.role.equals(Session.BASELINE), pair);
        Path resultFile = side.staging.resolve("jmh-" + side.forks++ + ".json");
        var settings = side.planned.plan().settings().withForks(1);
        var extra = settings.mode() == null ? List.of("-bm", item.modes().get(0)) : List.<String>of();
        var command = JmhArguments.command(
                item,
                settings,
                side.planned.suite().jar(),
                resultFile,
                extra,
                cpus == null ? List.of() : List.of("-XX:ActiveProcessorCount=" + duet.cpus()));
        var outcome = runner.run(
                cpus == null ? command : CpuAffinity.pinned(cpus, command),
                item,
                resultFile,
                side.log,
                event -> {
                    if (event instanceof JmhEvent.IterationDone) {
                        clock.iterationDone();
                    }
                    synchronized (progress) {
                        progress.update(clock.state(index, null));
                    }
                },
                launched);
        if (outcome == null || interrupts.interrupted()) {
            return new Interrupted();
        }
        outcome.json().forEach(side.jmhJson::add);
        if (side.jmhVersion == null && !outcome.entries().isEmpty()) {
            side.jmhVersion = outcome.entries().get(0).jmhVersion();
        }
        if (!outcome.failures().isEmpty() || outcome.entries().isEmpty()) {
            return new Failed(
                    outcome.failures().isEmpty()
                            ? List.of(new BenchmarkFailure(item.id(), item.benchmark(), Map.of(), "no result"))
                            : outcome.failures());
        }
        var classified = ResultClassifier.classify(
                outcome.entries(), side.planned.suite().manifest(), Map.of(item.benchmark(), item.id()));
        return new Measured(classified.get(0));
    }

    /**
     * The side's machine and JVM, and the commit its jar's manifest names, else the git commit of the
     * directory its jar is in: the two builds of a session come from two checkouts (or none), so the
     * working directory's commit would name the same one for both sides.
     */
    private static Environment environment(PlannedRun planned) {
        Path jar = planned.suite().jar().toAbsolutePath();
        var probed = EnvironmentProbe.capture(
                planned.plan().jvm(), planned.plan().settings().jvmArgs(), null, jar.getParent());
        return probed.withGit(EnvironmentProbe.revision(null, null, jar, probed.git()));
    }

    private static Noise noise(PlannedRun planned, Noise.Before before, Noise.During during) {
        return Preflight.noise(
                before, during, planned.plan().jvm(), planned.plan().settings().jvmArgs());
    }

    private static RunResult run(
            Side side, Instant started, Instant finished, boolean interrupted, String kind, Session session) {
        var plan = side.planned.plan();
        return new RunResult(
                RunResult.SCHEMA_VERSION,
                side.id,
                plan.label(),
                started,
                finished,
                side.environment.withJmhVersion(side.jmhVersion).withNoise(side.noise),
                plan.settings().withForks(1),
                side.results,
                side.failures,
                interrupted,
                kind,
                session);
    }

    /**
     * One side's forks of one benchmark as one result: the forks' samples in pair order, JMH's score
     * as the mean of them all and its error as JMH computes it (99.9%, Student's t), its wall time
     * the forks' summed.
     */
    static BenchmarkResult merge(List<BenchmarkResult> forks) {
        var first = forks.get(0);
        if (forks.size() == 1) {
            return first;
        }
        var secondary = new TreeMap<String, Metric>();
        for (String name : first.secondary().keySet()) {
            var metrics = forks.stream().map(f -> f.secondary().get(name)).toList();
            if (metrics.stream()
                    .allMatch(m -> m != null && m.unit().equals(metrics.get(0).unit()))) {
                secondary.put(name, mergeMetrics(metrics));
            }
        }
        return new BenchmarkResult(
                first.id(),
                first.benchmark(),
                first.params(),
                first.mode(),
                first.threads(),
                first.category(),
                first.budget(),
                first.judged(),
                mergeMetrics(forks.stream().map(BenchmarkResult::primary).toList()),
                secondary,
                List.of(),
                null,
                wallSeconds(forks));
    }

    /** The forks' wall times summed: the time the benchmark took on this side; null unless each fork was timed. */
    private static Double wallSeconds(List<BenchmarkResult> forks) {
        return forks.stream().allMatch(f -> f.wallSeconds() != null)
                ? forks.stream().mapToDouble(BenchmarkResult::wallSeconds).sum()
                : null;
    }

    private static Metric mergeMetrics(List<Metric> metrics) {
        var forks = new ArrayList<List<Double>>();
        metrics.forEach(m -> forks.addAll(m.forks()));
        double[] all = forks.stream()
                .flatMap(List::stream)
                .mapToDouble(Double::doubleValue)
                .toArray();
        double mean = 0;
        for (double v : all) {
            mean += v / all.length;
        }
        return new Metric(mean, Metric.jmhError(all, mean), metrics.get(0).unit(), forks, Map.of());
    }

    /** Progress by planned time, and each benchmark's share of {@code --max-time}. */
    private static final class Clock {
        private final SessionPlan plan;
        private final Instant started;
        private final double total;
        private double finishedSeconds;
        private int pairs;
        private int iterations;
        private String current = "";

        Clock(SessionPlan plan, Instant started) {
            this.plan = plan;
            this.started = started;
            this.total = Math.max(1e-3, plan.longest().toMillis() / 1000.0);
        }

        /** What is left of {@code --max-time}, shared by the benchmarks not yet run; null for no limit. */
        synchronized Duration budgetFor(int index) {
            if (plan.maxTime() == null) {
                return null;
            }
            var left = plan.maxTime().minus(Duration.between(started, Instant.now()));
            return left.isNegative()
                    ? Duration.ZERO
                    : left.dividedBy(plan.units().size() - index);
        }

        synchronized void at(String what) {
            current = what;
        }

        /** One iteration of either fork of the pair running now. */
        synchronized void iterationDone() {
            iterations++;
        }

        synchronized void pairDone() {
            pairs++;
            iterations = 0;
        }

        /** The benchmark is done, whatever pairs it took: the plan counted the most. */
        synchronized void finishUnit(int index) {
            var unit = plan.units().get(index);
            finishedSeconds += unit.perPair().toMillis() / 1000.0 * plan.maxPairs();
            pairs = 0;
            iterations = 0;
        }

        synchronized RunProgress.State state(int index, String label) {
            var unit = plan.units().get(index);
            var item = unit.candidate();
            double perPair = unit.perPair().toMillis() / 1000.0;
            double inPair = Math.min(
                    1, iterations / (2.0 * Math.max(1, item.warmupIterations() + item.measurementIterations())));
            double done = Math.min(total, finishedSeconds + Math.min(plan.maxPairs(), pairs + inPair) * perPair);
            double fraction = Math.min(1, done / total);
            Duration elapsed = Duration.between(started, Instant.now());
            double remaining = total - done;
            if (plan.maxTime() != null) {
                remaining = Math.min(remaining, plan.maxTime().minus(elapsed).toMillis() / 1000.0);
            }
            return new RunProgress.State(
                    fraction,
                    elapsed,
                    Duration.ofMillis(Math.round(Math.max(0, remaining) * 1000)),
                    label != null ? label : current,
                    index + 1,
                    plan.units().size());
        }
    }
}
