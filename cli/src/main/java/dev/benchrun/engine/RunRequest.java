package dev.benchrun.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the user asked {@code run} (or {@code profile}) to do, before anything is resolved.
 * Null means "not given": the profile, the benchmark's annotations or JMH decide.
 */
public record RunRequest(
        Path jar,
        Path manifest,
        Path workingDir,
        List<String> categories,
        List<String> filters,
        String profile,
        Path jvm,
        List<String> jvmArgs,
        Map<String, List<String>> params,
        String label,
        Overrides overrides) {

    /** Command-line values that win over the profile. */
    public record Overrides(
            Integer forks,
            Integer warmupIterations,
            String warmupTime,
            Integer measurementIterations,
            String measurementTime,
            String mode,
            String timeUnit,
            Integer threads,
            List<String> profilers,
            List<String> moreProfilers,
            boolean annotations) {
        public static final Overrides NONE =
                new Overrides(null, null, null, null, null, null, null, null, null, null, false);

        /**
         * @param profilers the JMH profilers instead of the profile's; null for the profile's
         * @param moreProfilers JMH profilers beside those ({@code --prof}); null or empty for none
         * @param annotations {@code --jmh-annotations}: each benchmark's own {@code @Fork}, {@code
         *     @Warmup} and {@code @Measurement} (JMH's defaults where it has none) instead of the
         *     profile's forks, iterations and times; the values given here still win
         */
        public Overrides {
            moreProfilers = moreProfilers == null ? List.of() : List.copyOf(moreProfilers);
        }
    }

    /** The same request under another label. */
    public RunRequest withLabel(String label) {
        return new RunRequest(
                jar, manifest, workingDir, categories, filters, profile, jvm, jvmArgs, params, label, overrides);
    }

    public RunRequest {
        categories = categories == null ? List.of() : List.copyOf(categories);
        filters = filters == null ? List.of() : List.copyOf(filters);
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        params = params == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        overrides = overrides == null ? Overrides.NONE : overrides;
    }
}
