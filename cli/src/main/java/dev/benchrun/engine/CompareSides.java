package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.config.Manifest;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.RunResult;
import dev.benchrun.store.Names;
import dev.benchrun.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Resolves one side of a comparison: a baseline name, a run id (or "latest"), a stored run or
 * baseline file, or a raw JMH {@code -rf json} file from any JMH-based tool.
 */
final class CompareSides {

    /**
     * The runs of one side, oldest first, and how the user named it: one run, or all the runs of a
     * baseline.
     */
    record Loaded(List<RunResult> runs, Comparison.Side side) {

        /** The newest run, which stands for the side where one run is shown or profiled. */
        RunResult run() {
            return runs.get(runs.size() - 1);
        }
    }

    private final Store store;
    private final Supplier<Manifest> manifest;
    private final Path workingDir;

    /** @param manifest categories and budgets for raw JMH files */
    CompareSides(Store store, Manifest manifest, Path workingDir) {
        this(store, () -> manifest, workingDir);
    }

    /**
     * @param manifest categories and budgets for raw JMH files, asked for only when a side is one
     *     (reading the bundled suites' manifest is a tenth of a second that runs benchrun wrote never need)
     */
    CompareSides(Store store, Supplier<Manifest> manifest, Path workingDir) {
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
            return loaded(ref, store.readBaseline(ref).runs());
        }
        if (Store.LATEST.equals(ref) || store.runIds().stream().anyMatch(id -> id.startsWith(ref))) {
            return loaded(ref, List.of(store.readRun(ref)));
        }
        if (Names.looksLikeFile(ref, ".json")) {
            throw BenchrunException.input(
                    Files.isDirectory(file) ? file + " is a directory, not a file" : "file not found: " + file);
        }
        throw BenchrunException.input("'" + ref + "' is not a baseline, a run id or a file in store " + store.root()
                + ": see 'benchrun list baselines' and 'benchrun list runs'");
    }

    private Loaded fromFile(String ref, Path file) {
        return loaded(ref, RunFileImport.runs(file, manifest));
    }

    /** Runs named by {@code ref}, as a side of a comparison: described by the newest. */
    static Loaded loaded(String ref, List<RunResult> runs) {
        var run = runs.get(runs.size() - 1);
        var env = run.environment();
        String commit = env == null || env.git() == null ? null : env.git().commit();
        String jvm = env == null || env.jvm() == null ? null : env.jvm().version();
        return new Loaded(runs, new Comparison.Side(ref, run.id(), run.label(), run.started(), commit, jvm));
    }
}
