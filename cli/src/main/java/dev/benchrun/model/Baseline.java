package dev.benchrun.model;

import java.time.Instant;
import java.util.Objects;

/** A named, self-contained copy of a run: portable, to be committed or shipped as an artefact. */
public record Baseline(int schemaVersion, String name, Instant savedAt, RunResult run) {

    /** The version of baseline files this benchrun writes, and the newest it reads (docs/run-json.md). */
    public static final int SCHEMA_VERSION = 1;

    public Baseline {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(run, "run");
    }
}
