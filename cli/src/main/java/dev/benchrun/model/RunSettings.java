package dev.benchrun.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a run was executed: the resolved profile after command-line overrides. Null fields mean
 * "the benchmark's own annotation decides" (mode, time unit, threads).
 *
 * @param warmupTime JMH time value, e.g. "500ms"
 * @param timeout JMH's limit for one iteration, e.g. "10min"
 * @param shard the part of the selection this run measured ({@code run --shard}), e.g. "1/2"; null for all of it
 * @param annotations true with {@code run --jmh-annotations}: each benchmark's own {@code @Fork},
 *     {@code @Warmup} and {@code @Measurement} decided its forks, iterations and times, and the five
 *     fields here are what a benchmark without them ran with; null otherwise
 */
public record RunSettings(
        String profile,
        int forks,
        int warmupIterations,
        String warmupTime,
        int measurementIterations,
        String measurementTime,
        String mode,
        String timeUnit,
        Integer threads,
        List<String> profilers,
        String jvm,
        List<String> jvmArgs,
        Map<String, List<String>> params,
        String timeout,
        String jar,
        String shard,
        Boolean annotations) {

    public RunSettings {
        Objects.requireNonNull(profile, "profile");
        profilers = profilers == null ? List.of() : List.copyOf(profilers);
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
        annotations = Boolean.TRUE.equals(annotations) ? Boolean.TRUE : null;
    }

    /** The same settings with other forks, iterations and times: one benchmark's, from its annotations. */
    public RunSettings withIterations(
            int newForks,
            int newWarmupIterations,
            String newWarmupTime,
            int newMeasurementIterations,
            String newMeasurementTime) {
        return new RunSettings(
                profile,
                newForks,
                newWarmupIterations,
                newWarmupTime,
                newMeasurementIterations,
                newMeasurementTime,
                mode,
                timeUnit,
                threads,
                profilers,
                jvm,
                jvmArgs,
                params,
                timeout,
                jar,
                shard,
                annotations);
    }

    /** The same settings with another list of JMH profilers, e.g. with the one a profile run attached. */
    public RunSettings withProfilers(List<String> newProfilers) {
        return new RunSettings(
                profile,
                forks,
                warmupIterations,
                warmupTime,
                measurementIterations,
                measurementTime,
                mode,
                timeUnit,
                threads,
                newProfilers,
                jvm,
                jvmArgs,
                params,
                timeout,
                jar,
                shard,
                annotations);
    }

    /** The same settings with another number of forks: one, for each fork of an A/B session's pairs. */
    public RunSettings withForks(int newForks) {
        return new RunSettings(
                profile,
                newForks,
                warmupIterations,
                warmupTime,
                measurementIterations,
                measurementTime,
                mode,
                timeUnit,
                threads,
                profilers,
                jvm,
                jvmArgs,
                params,
                timeout,
                jar,
                shard,
                annotations);
    }

    /** The same settings as the part of the selection {@code newShard} names ("1/2"), or all of it (null). */
    public RunSettings withShard(String newShard) {
        return new RunSettings(
                profile,
                forks,
                warmupIterations,
                warmupTime,
                measurementIterations,
                measurementTime,
                mode,
                timeUnit,
                threads,
                profilers,
                jvm,
                jvmArgs,
                params,
                timeout,
                jar,
                newShard,
                annotations);
    }
}
