package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.model.Baseline;
import dev.benchrun.store.Names;
import dev.benchrun.store.Store;
import java.io.IOException;

/** Names stored runs. */
public final class Baselines {

    private final Store store;

    public Baselines(Store store) {
        this.store = store;
    }

    /** Saves run {@code runRef} ("latest" or an id) as baseline {@code name}. */
    public Baseline save(String name, String runRef, boolean force) {
        Names.checkBaselineName(name);
        var run = store.readRun(runRef);
        if (run.benchmarks().isEmpty()) {
            throw BenchrunException.input("run " + run.id() + " has no results to keep as a baseline");
        }
        try {
            return store.saveBaseline(name, run, force);
        } catch (IOException e) {
            throw BenchrunException.execution("cannot write baseline '" + name + "' in " + store.baselinesDir()
                    + ": " + e.getMessage(), e);
        }
    }
}
