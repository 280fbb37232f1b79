package dev.benchrun.model;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Identity of a result across runs: the same benchmark, params and mode. */
public record BenchmarkKey(String benchmark, Map<String, String> params, String mode) {

    public BenchmarkKey {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** {@code name[k=v,k2=v2]}, or just the name without params. */
    public String display(String name) {
        return display(name, false);
    }

    /**
     * {@code name[k=v,k2=v2]}, and with {@code withMode} the mode first: {@code name[mode=avgt,k=v]},
     * {@code name[mode=avgt]}. Results are told apart by their mode only where one benchmark has
     * results in several ({@link #inSeveralModes}); elsewhere the mode would be noise.
     */
    public String display(String name, boolean withMode) {
        var parts = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue());
        if (withMode) {
            parts = java.util.stream.Stream.concat(java.util.stream.Stream.of("mode=" + mode), parts);
        }
        String inBrackets = parts.collect(Collectors.joining(","));
        return inBrackets.isEmpty() ? name : name + "[" + inBrackets + "]";
    }

    /** The benchmarks (full names) that have results in more than one mode among these keys. */
    public static Set<String> inSeveralModes(Collection<BenchmarkKey> keys) {
        return keys.stream()
                .collect(Collectors.groupingBy(
                        BenchmarkKey::benchmark, Collectors.mapping(BenchmarkKey::mode, Collectors.toSet())))
                .entrySet()
                .stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
