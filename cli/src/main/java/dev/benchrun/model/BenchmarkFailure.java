package dev.benchrun.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A benchmark that produced no result: it threw, or its fork died.
 *
 * @param reason the first line of the exception or of the fork's failure, as JMH printed it
 */
public record BenchmarkFailure(String id, String benchmark, Map<String, String> params, String reason) {

    public BenchmarkFailure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    public String displayName() {
        return new BenchmarkKey(benchmark, params, "").display(id);
    }
}
