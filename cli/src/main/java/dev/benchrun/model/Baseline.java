package dev.benchrun.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A named, self-contained set of runs of one code base, oldest first: portable, to be committed or
 * shipped as an artefact. Several runs let a comparison see how much the results move from one JVM
 * session to the next (docs/compare.md, "Baselines of several runs"); one run cannot.
 */
public record Baseline(int schemaVersion, String name, Instant savedAt, List<RunResult> runs) {

    /**
     * The version of baseline files this benchrun writes, and the newest it reads (docs/run-json.md).
     * Version 1 held one run under {@code run}; version 2 holds {@code runs}.
     */
    public static final int SCHEMA_VERSION = 2;

    /** How many runs {@code save-baseline --append} keeps unless told otherwise. */
    public static final int DEFAULT_KEEP = 5;

    public Baseline {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runs, "runs");
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a baseline holds at least one run");
        }
        runs = List.copyOf(runs);
    }

    /** The newest run: what stands for the baseline where one run is needed (profiles, the plan of a run). */
    @JsonIgnore
    public RunResult latest() {
        return runs.get(runs.size() - 1);
    }

    /**
     * This baseline with {@code added} (oldest first) as its newest runs, keeping the {@code keep}
     * added last; a run already in it (by id) moves to where it was added, never counted twice.
     */
    public Baseline appended(List<RunResult> added, int keep, Instant now) {
        var ids = added.stream().map(RunResult::id).toList();
        var kept = new java.util.ArrayList<>(
                runs.stream().filter(r -> !ids.contains(r.id())).toList());
        kept.addAll(added);
        var newest = kept.subList(Math.max(0, kept.size() - keep), kept.size());
        return new Baseline(SCHEMA_VERSION, name, now, newest);
    }
}
