package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.model.RunResult;
import dev.benchrun.store.Names;
import dev.benchrun.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The save-baseline use case: names a stored run, a run file or a JMH file, replacing a baseline or
 * adding the run to it (docs/compare.md, "Baselines of several runs").
 */
public final class BaselineService {

    private final Store store;

    public BaselineService(Store store) {
        this.store = store;
    }

    /** Saves the requested run as a baseline, or appends it; never replaces one unless asked to. */
    public SavedBaseline save(SaveBaselineRequest request) {
        check(request);
        return keep(request, read(request));
    }

    /**
     * Whatever makes the request impossible, found before a run is made for it (exit 2): a bad name,
     * a baseline that exists and would be replaced without {@code --force}, a {@code --keep} below 1.
     */
    public void check(SaveBaselineRequest request) {
        Names.checkBaselineName(request.name());
        if (request.keep() < 1) {
            throw BenchrunException.input("--keep " + request.keep() + ": a baseline keeps at least 1 run");
        }
        if (!request.force() && !request.append() && Files.exists(store.baselineFile(request.name()))) {
            throw BenchrunException.input("baseline '" + request.name() + "' exists ("
                    + store.baselineFile(request.name()) + "); add --force to replace it, or --append to add the "
                    + "run to it");
        }
        if (request.append() && Files.exists(store.baselineFile(request.name()))) {
            store.readBaseline(request.name()); // a damaged baseline is named now, not after the run
        }
    }

    /**
     * Keeps {@code runs} (oldest first) as the request says: the runs of a new baseline, or more runs
     * of one.
     */
    public SavedBaseline keep(SaveBaselineRequest request, List<RunResult> runs) {
        String name = request.name();
        for (var run : runs) {
            if (run.benchmarks().isEmpty()) {
                throw BenchrunException.input("run " + run.id() + " has no results to keep as a baseline");
            }
        }
        try {
            var baseline = request.append()
                    ? store.appendToBaseline(name, runs, request.keep())
                    : store.saveBaseline(name, runs, request.force());
            return new SavedBaseline(baseline, store.baselineFile(name));
        } catch (IOException e) {
            throw BenchrunException.execution(
                    "cannot write baseline '" + name + "' in " + store.baselinesDir() + ": " + e.getMessage(), e);
        }
    }

    /** The runs the request names, oldest first: a stored run, or the runs of a file. */
    private List<RunResult> read(SaveBaselineRequest request) {
        String ref = request.run() == null ? Store.LATEST : request.run();
        Path file = request.workingDir().resolve(ref);
        if (Names.looksLikeFile(ref, ".json") || Files.isRegularFile(file) && !isStoredRun(ref)) {
            if (Files.isDirectory(file)) {
                throw BenchrunException.input("--run " + file + " is a directory, not a file");
            }
            if (!Files.exists(file)) {
                throw BenchrunException.input("--run " + file + ": file not found");
            }
            return RunFileImport.runs(file, RunFileImport.manifest(request.manifest(), request.workingDir()));
        }
        return List.of(store.readRun(ref));
    }

    private boolean isStoredRun(String ref) {
        return Store.LATEST.equals(ref) || store.runIds().stream().anyMatch(id -> id.startsWith(ref));
    }
}
