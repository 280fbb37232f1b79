package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.model.BenchmarkFailure;
import dev.benchrun.model.BenchmarkKey;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.RunResult;
import dev.benchrun.store.AtomicFiles;
import dev.benchrun.store.Store;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The merge use case: joins the runs of a suite's shards ({@code run --shard I/N} in the jobs of a
 * CI matrix) into one stored run, which {@code compare}, {@code report} and {@code save-baseline}
 * treat as any other. Shards of one build on one kind of machine are what it is for, so runs of
 * different commits, profiles or JVMs are refused unless the user says otherwise.
 */
public final class MergeService {

    private final Store store;

    public MergeService(Store store) {
        this.store = store;
    }

    public MergeOutcome merge(MergeRequest request) {
        store.check();
        var sides = new CompareSides(
                store, RunFileImport.manifest(request.manifest(), request.workingDir()), request.workingDir());
        var runs = new ArrayList<RunResult>();
        for (String input : request.inputs()) {
            var run = one(input, sides.load(input).runs());
            if (runs.stream().anyMatch(r -> r.id().equals(run.id()))) {
                throw BenchrunException.input(
                        "run " + run.id() + " is named twice ('" + input + "'): give each shard's run once");
            }
            runs.add(run);
        }
        if (!request.allowMixed()) {
            sameEverywhere(
                    runs,
                    "git commits",
                    run -> run.environment() == null || run.environment().git() == null
                            ? null
                            : run.environment().git().commit());
            sameEverywhere(
                    runs,
                    "profiles",
                    run -> run.settings() == null ? null : run.settings().profile());
            sameEverywhere(
                    runs,
                    "JVM versions",
                    run -> run.environment() == null || run.environment().jvm() == null
                            ? null
                            : run.environment().jvm().version());
        }
        var benchmarks = new ArrayList<BenchmarkResult>();
        var failures = new ArrayList<BenchmarkFailure>();
        var from = new HashMap<BenchmarkKey, String>();
        for (var run : runs) {
            for (var result : run.benchmarks()) {
                String earlier = from.putIfAbsent(result.key(), run.id());
                if (earlier != null) {
                    throw BenchrunException.input("benchmark " + result.key().display(result.id()) + " is in both run "
                            + earlier + " and run " + run.id() + ": merge joins disjoint parts, such as the shards of"
                            + " one run --shard I/N");
                }
                benchmarks.add(result);
            }
            failures.addAll(run.failures());
        }
        var first = runs.get(0);
        var merged = new RunResult(
                RunResult.SCHEMA_VERSION,
                Store.newRunId(Instant.now()),
                request.label() != null
                        ? request.label()
                        : "merge of "
                                + String.join(
                                        ", ", runs.stream().map(RunResult::id).toList()),
                earliest(runs, RunResult::started),
                latest(runs, RunResult::finished),
                first.environment(),
                first.settings() == null ? null : first.settings().withShard(null),
                benchmarks,
                failures,
                runs.stream().anyMatch(RunResult::interrupted));
        try {
            var dir = store.publishRun(merged, store.stagingDir(merged.id()));
            return new MergeOutcome(merged, dir, runs.size());
        } catch (IOException e) {
            throw BenchrunException.execution(
                    "cannot write the merged run to " + store.root() + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** The one measuring run an input names: a baseline of several runs or a profile run is not a shard. */
    private static RunResult one(String input, List<RunResult> runs) {
        if (runs.size() != 1) {
            throw BenchrunException.input("'" + input + "' holds " + runs.size()
                    + " runs: merge takes single runs, such as the run.json of each shard");
        }
        var run = runs.get(0);
        if (!RunResult.RUN.equals(run.kind()) || run.session() != null) {
            throw BenchrunException.input("'" + input + "' is "
                    + (run.session() != null ? "a side of an A/B session" : "a " + run.kind() + " run")
                    + ", not a measuring run: merge joins the runs of run --shard I/N");
        }
        return run;
    }

    private static void sameEverywhere(List<RunResult> runs, String what, Function<RunResult, String> value) {
        var first = runs.get(0);
        for (var run : runs.subList(1, runs.size())) {
            if (!Objects.equals(value.apply(first), value.apply(run))) {
                throw BenchrunException.input("runs " + first.id() + " and " + run.id() + " have different " + what
                        + " (" + value.apply(first) + ", " + value.apply(run)
                        + "): merge the shards of one build, or add --allow-mixed");
            }
        }
    }

    private static Instant earliest(List<RunResult> runs, Function<RunResult, Instant> time) {
        return runs.stream()
                .map(time)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private static Instant latest(List<RunResult> runs, Function<RunResult, Instant> time) {
        return runs.stream()
                .map(time)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }
}
