package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.store.Names;
import dev.benchrun.store.Store;
import java.io.IOException;

/** The save-baseline use case: names a stored run. */
public final class BaselineService {

    private final Store store;

    public BaselineService(Store store) {
        this.store = store;
    }

    /** Saves the requested run as a baseline; never replaces one unless asked to. */
    public SavedBaseline save(SaveBaselineRequest request) {
        String name = Names.checkBaselineName(request.name());
        var run = store.readRun(request.run());
        if (run.benchmarks().isEmpty()) {
            throw BenchrunException.input("run " + run.id() + " has no results to keep as a baseline");
        }
        try {
            return new SavedBaseline(store.saveBaseline(name, run, request.force()), store.baselineFile(name));
        } catch (IOException e) {
            throw BenchrunException.execution(
                    "cannot write baseline '" + name + "' in " + store.baselinesDir() + ": " + e.getMessage(), e);
        }
    }
}
