package dev.benchrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.BenchrunException;
import dev.benchrun.config.Manifest;
import dev.benchrun.jmh.JmhJson;
import dev.benchrun.jmh.JmhLock;
import dev.benchrun.jmh.ResultClassifier;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Environment;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.RunSettings;
import dev.benchrun.store.Names;
import dev.benchrun.store.ResultChecks;
import dev.benchrun.store.RunFiles;
import dev.benchrun.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Resolves one side of a comparison: a baseline name, a run id (or "latest"), a stored run or
 * baseline file, or a raw JMH {@code -rf json} file from any JMH-based tool.
 */
final class CompareSides {

    /** A run to compare and how the user named it. */
    record Loaded(RunResult run, Comparison.Side side) {}

    private final Store store;
    private final Manifest manifest;
    private final Path workingDir;

    /** @param manifest categories and budgets for raw JMH files */
    CompareSides(Store store, Manifest manifest, Path workingDir) {
        this.store = store;
        this.manifest = manifest;
        this.workingDir = workingDir;
    }

    Loaded load(String ref) {
        Path file = workingDir.resolve(ref);
        if (Names.looksLikeFile(ref, ".json") && Files.isRegularFile(file)) {
            return fromFile(ref, file);
        }
        if (!Store.LATEST.equals(ref) && store.hasBaselineNamed(ref)) {
            return loaded(ref, store.readBaseline(ref).run());
        }
        if (Store.LATEST.equals(ref) || store.runIds().stream().anyMatch(id -> id.startsWith(ref))) {
            return loaded(ref, store.readRun(ref));
        }
        if (Names.looksLikeFile(ref, ".json")) {
            throw BenchrunException.input(
                    Files.isDirectory(file) ? file + " is a directory, not a file" : "file not found: " + file);
        }
        throw BenchrunException.input("'" + ref + "' is not a baseline, a run id or a file in store " + store.root()
                + ": see 'benchrun list baselines' and 'benchrun list runs'");
    }

    private Loaded fromFile(String ref, Path file) {
        JsonNode tree = RunFiles.readTree(file);
        if (RunFiles.isBenchrunFile(tree)) {
            return loaded(ref, RunFiles.readRun(file));
        }
        var entries = JmhJson.parse(tree, file.toString());
        if (entries.isEmpty()) {
            throw BenchrunException.input(file + " holds no benchmark results");
        }
        var first = entries.get(0);
        // JMH's JSON knows the JVM and the settings, nothing about the machine.
        var jvmArgs = first.jvmArgs().stream()
                .filter(a -> !a.equals(JmhLock.HELD_BY_PARENT))
                .toList();
        var environment = new Environment(
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                null,
                new Environment.Jvm(first.jvm(), null, first.jdkVersion(), first.vmName(), first.vmVersion(), jvmArgs),
                first.jmhVersion(),
                null,
                null);
        var settings = new RunSettings(
                "jmh",
                first.forks(),
                first.warmupIterations(),
                first.warmupTime(),
                first.measurementIterations(),
                first.measurementTime(),
                null,
                null,
                first.threads(),
                List.of(),
                first.jvm(),
                jvmArgs,
                Map.of(),
                null,
                file.toString());
        var run = new RunResult(
                RunResult.SCHEMA_VERSION,
                file.getFileName().toString(),
                "JMH results " + file.getFileName(),
                null,
                null,
                environment,
                settings,
                ResultChecks.checked(ResultClassifier.classify(entries, manifest), file),
                List.of(),
                false);
        return loaded(ref, run);
    }

    /** A run named by {@code ref}, as a side of a comparison. */
    static Loaded loaded(String ref, RunResult run) {
        var env = run.environment();
        String commit = env == null || env.git() == null ? null : env.git().commit();
        String jvm = env == null || env.jvm() == null ? null : env.jvm().version();
        return new Loaded(run, new Comparison.Side(ref, run.id(), run.label(), run.started(), commit, jvm));
    }
}
