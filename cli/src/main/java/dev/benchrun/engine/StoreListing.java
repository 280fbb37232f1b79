package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.model.RunResult;
import dev.benchrun.store.Store;
import java.util.List;

/** What the store holds, listed even when some files in it are unreadable. */
public final class StoreListing {

    /**
     * A stored run or baseline; {@code run} is null and {@code problem} says why when its file
     * could not be read (a newer schema, a damaged file).
     */
    public record Entry(String name, RunResult run, String problem) {}

    private StoreListing() {}

    public static List<Entry> runs(Store store) {
        return store.runIds().stream().map(id -> {
            try {
                return new Entry(id, store.readRun(id), null);
            } catch (BenchrunException e) {
                return new Entry(id, null, e.getMessage());
            }
        }).toList();
    }

    public static List<Entry> baselines(Store store) {
        return store.baselineNames().stream().map(name -> {
            try {
                return new Entry(name, store.readBaseline(name).run(), null);
            } catch (BenchrunException e) {
                return new Entry(name, null, e.getMessage());
            }
        }).toList();
    }
}
