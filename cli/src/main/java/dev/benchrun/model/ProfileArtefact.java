package dev.benchrun.model;

import java.util.Objects;

/**
 * A file the profiler wrote for a benchmark, relative to the run's directory.
 *
 * @param event the profiler event, e.g. cpu or alloc
 * @param kind flamegraph, flamegraph-reverse, collapsed, diff-flamegraph
 */
public record ProfileArtefact(String event, String kind, String path) {

    public ProfileArtefact {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }
}
