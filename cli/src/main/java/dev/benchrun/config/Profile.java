package dev.benchrun.config;

import java.util.List;
import java.util.Map;

/**
 * A named run preset (docs/profiles.md): JMH settings, the JVM for the forks, per-category
 * thresholds and statistics settings. Resolved: {@code extends} is already applied. What it leaves
 * unset, JMH's defaults and {@link CompareSettingsLoader}'s fill in.
 */
public record Profile(
        String name, String description, Jmh jmh, Jvm jvm, Map<String, Thresholds> thresholds, Statistics statistics) {

    public Profile {
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    }

    /**
     * JMH's settings; null means unset: JMH's default for forks, iterations and times (benchrun passes
     * them explicitly, so a benchmark's annotations never decide them), the benchmark's annotation
     * for mode, time unit and threads.
     *
     * @param warmupTime a JMH time value: "500ms", "1s"
     */
    public record Jmh(
            Integer forks,
            Integer warmupIterations,
            String warmupTime,
            Integer measurementIterations,
            String measurementTime,
            String mode,
            String timeUnit,
            Integer threads,
            List<String> profilers,
            String timeout) {
        public Jmh {
            profilers = profilers == null ? List.of() : List.copyOf(profilers);
        }
    }

    /** The JVM for the forks: a java executable (null = the one running benchrun) and its args. */
    public record Jvm(String path, List<String> args) {
        public Jvm {
            args = args == null ? List.of() : List.copyOf(args);
        }
    }

    /** How much slower is a warning and how much a failure. */
    public record Thresholds(Percent warning, Percent failure) {}

    /**
     * Settings of the comparison statistics.
     *
     * @param noiseFloor changes smaller than this are never reported, however significant
     */
    public record Statistics(Double alpha, Double confidence, Percent noiseFloor, Integer resamples, Long seed) {}
}
