package dev.benchrun.model;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Identity of a result across runs: the same benchmark, params and mode. */
public record BenchmarkKey(String benchmark, Map<String, String> params, String mode) {

    public BenchmarkKey {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** {@code name[k=v,k2=v2]}, or just the name without params. */
    public String display(String name) {
        if (params.isEmpty()) {
            return name;
        }
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", name + "[", "]"));
    }
}
