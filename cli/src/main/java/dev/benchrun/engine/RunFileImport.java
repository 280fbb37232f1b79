package dev.benchrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.BenchrunException;
import dev.benchrun.config.Manifest;
import dev.benchrun.config.ManifestLoader;
import dev.benchrun.jmh.JmhJson;
import dev.benchrun.jmh.JmhLock;
import dev.benchrun.jmh.ResultClassifier;
import dev.benchrun.jmh.Suite;
import dev.benchrun.model.Environment;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.RunSettings;
import dev.benchrun.store.ResultChecks;
import dev.benchrun.store.RunFiles;
import dev.benchrun.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the runs a file the user names holds: a benchrun run.json, a baseline file (all its runs),
 * or a raw JMH {@code -rf json} file from any JMH-based tool, categorised by the manifest.
 */
final class RunFileImport {

    private RunFileImport() {}

    /** The runs in the file, oldest first: one, except for a baseline of several runs. */
    static List<RunResult> runs(Path file, Manifest manifest) {
        return runs(file, () -> manifest);
    }

    /** As {@link #runs(Path, Manifest)}, the manifest asked for only where the file is JMH's own JSON. */
    static List<RunResult> runs(Path file, Supplier<Manifest> manifest) {
        var run = RunFiles.readRunIfWellFormed(file);
        if (run.isPresent()) {
            return List.of(run.get());
        }
        JsonNode tree = RunFiles.readTree(file);
        if (RunFiles.isBenchrunFile(tree)) {
            return Store.isBaseline(tree) ? RunFiles.readBaseline(file).runs() : List.of(RunFiles.readRun(file));
        }
        return List.of(fromJmh(file, tree, manifest.get()));
    }

    /**
     * The manifest that categorises raw JMH files: {@code explicit}, else ./benchrun.yaml beside the
     * bundled suites' manifest.
     */
    static Manifest manifest(Path explicit, Path workingDir) {
        Path jar;
        try {
            jar = Suite.bundledJar();
        } catch (BenchrunException e) {
            jar = null; // raw JMH files are then categorised only by benchrun.yaml or --manifest
        }
        if (jar == null) {
            return ManifestLoader.user(explicit, workingDir);
        }
        return ManifestLoader.load(jar, explicit, workingDir);
    }

    private static RunResult fromJmh(Path file, JsonNode tree, Manifest manifest) {
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
                file.toString(),
                null,
                null);
        return new RunResult(
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
    }
}
