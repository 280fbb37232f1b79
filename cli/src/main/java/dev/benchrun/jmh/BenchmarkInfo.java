package dev.benchrun.jmh;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A benchmark method as the jar declares it: short id, full name, mode and the values of its params. */
public record BenchmarkInfo(String id, String benchmark, String mode, Map<String, List<String>> params) {

    public BenchmarkInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(benchmark, "benchmark");
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
    }
}
