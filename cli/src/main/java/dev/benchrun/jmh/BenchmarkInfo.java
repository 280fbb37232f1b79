package dev.benchrun.jmh;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A benchmark method as the jar declares it: short id, full name, mode, the values of its params
 * and its own iteration annotations.
 */
public record BenchmarkInfo(
        String id, String benchmark, String mode, Map<String, List<String>> params, Annotations annotations) {

    public BenchmarkInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(benchmark, "benchmark");
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
        annotations = annotations == null ? Annotations.NONE : annotations;
    }

    /**
     * What the benchmark's {@code @Fork}, {@code @Warmup} and {@code @Measurement} (on the method, else
     * its class) say; null where they say nothing, so JMH's default applies.
     *
     * @param warmupTime a JMH time value, e.g. {@code 200ms}
     */
    public record Annotations(
            Integer forks,
            Integer warmupIterations,
            String warmupTime,
            Integer measurementIterations,
            String measurementTime) {
        public static final Annotations NONE = new Annotations(null, null, null, null, null);
    }
}
