package dev.benchrun.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code list} was asked.
 *
 * @param jar the benchmark jar; null for the bundled suites (benchmarks only)
 * @param manifest null for ./benchrun.yaml and the jar's own (benchmarks only)
 */
public record ListRequest(
        Topic topic, Path jar, Path manifest, Path workingDir, List<String> categories, List<String> filters) {

    /** What to list. */
    public enum Topic {
        BENCHMARKS,
        RUNS,
        BASELINES,
        PROFILES;

        /** As the user writes it: {@code runs}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ListRequest {
        Objects.requireNonNull(topic, "topic");
        categories = categories == null ? List.of() : List.copyOf(categories);
        filters = filters == null ? List.of() : List.copyOf(filters);
    }
}
