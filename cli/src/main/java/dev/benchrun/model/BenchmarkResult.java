package dev.benchrun.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The result of one benchmark with one set of params: JMH's metrics plus what benchrun knows
 * about it (category, budget, which metric is judged).
 *
 * @param id the short name users type: the method name (class.method where that is ambiguous)
 * @param benchmark JMH's fully qualified name, class.method
 * @param judged the metric compared and checked against the budget: "primary", or the name of a
 *     secondary metric (e.g. "bytes" for the memory suite)
 * @param steadyState the warning that forks still trend over their measured iterations (analysis
 *     SteadyState); null when they are steady or were not tested
 * @param wallSeconds the wall time the benchmark took in its run, its forks from JVM start to end
 *     (jmh WallTimes; summed over the forks where a run measured them one by one); null where it
 *     was not measured (a JMH file, a run written before it was recorded)
 */
public record BenchmarkResult(
        String id,
        String benchmark,
        Map<String, String> params,
        String mode,
        int threads,
        String category,
        Budget budget,
        String judged,
        Metric primary,
        Map<String, Metric> secondary,
        List<ProfileArtefact> profiles,
        String steadyState,
        Double wallSeconds) {

    public static final String PRIMARY = "primary";
    /** JMH's sampled mode: each iteration a histogram of single-operation times. */
    public static final String SAMPLE = "sample";
    /** What a sample-mode benchmark's score is, where it is shown: not JMH's Score. */
    public static final String SAMPLE_ESTIMATE = "the mean of the iteration means";
    /** JMH's gc profiler: bytes allocated per operation. */
    public static final String ALLOC_NORM = "gc.alloc.rate.norm";

    public BenchmarkResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(primary, "primary");
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        category = category == null ? Category.UNCATEGORISED : category;
        judged = judged == null ? PRIMARY : judged;
        secondary = secondary == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(secondary));
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        if (wallSeconds != null && !(wallSeconds >= 0 && Double.isFinite(wallSeconds))) {
            throw new IllegalArgumentException(
                    "wallSeconds must be a finite number of seconds, 0 or more: " + wallSeconds);
        }
    }

    /** A result whose steady state is not (yet) known. */
    public BenchmarkResult(
            String id,
            String benchmark,
            Map<String, String> params,
            String mode,
            int threads,
            String category,
            Budget budget,
            String judged,
            Metric primary,
            Map<String, Metric> secondary,
            List<ProfileArtefact> profiles) {
        this(id, benchmark, params, mode, threads, category, budget, judged, primary, secondary, profiles, null, null);
    }

    /** The metric this benchmark is compared on and checked against its budget. */
    @JsonIgnore
    public Metric score() {
        if (PRIMARY.equals(judged)) {
            return primary;
        }
        var metric = secondary.get(judged);
        return metric != null ? metric : primary;
    }

    /**
     * The judged metric as every view shows it, the one estimate per benchmark: the mean compare
     * judges and centres each side's interval on, with its 99.9% half-width. That is JMH's score
     * and error, except for the primary metric of sample mode, where JMH's score is the mean of all
     * the individual samples but compare judges the iterations' means: there it is the mean of the
     * iteration means ({@link Metric#overSamples()}), named so wherever it is shown
     * ({@link #SAMPLE_ESTIMATE}).
     */
    @JsonIgnore
    public Metric estimate() {
        return estimateIsNotJmhScore() ? score().overSamples() : score();
    }

    /** Whether {@link #estimate()} differs from what JMH calls Score: the primary metric of sample mode. */
    @JsonIgnore
    public boolean estimateIsNotJmhScore() {
        return SAMPLE.equals(mode) && score() == primary;
    }

    /** JMH's score where the estimate shown is not it (sample mode); null where they are the same. */
    @JsonIgnore
    public Double jmhScore() {
        return estimateIsNotJmhScore() ? score().score() : null;
    }

    /** Bytes allocated per operation, where the gc profiler ran. */
    @JsonIgnore
    public Metric allocation() {
        return secondary.get(ALLOC_NORM);
    }

    /**
     * Whether the judged score, as shown ({@link #estimate()}), meets the budget; null without a
     * budget or where units don't convert.
     */
    @JsonIgnore
    public Boolean budgetMet() {
        if (budget == null) {
            return null;
        }
        Metric metric = estimate();
        return budget.isMet(metric.score(), Unit.parse(metric.unit()));
    }

    /** Name, params and mode: what makes two results comparable. */
    @JsonIgnore
    public BenchmarkKey key() {
        return new BenchmarkKey(benchmark, params, mode);
    }

    /** The id with its params, as shown in tables: {@code x25519_keygen[provider=BC]}. */
    @JsonIgnore
    public String displayName() {
        return key().display(id);
    }

    /**
     * The id with its params, and its mode first where the same benchmark has results in other
     * modes among {@code all}: {@code measureMultiple[mode=avgt]}.
     */
    public String displayName(java.util.Set<String> inSeveralModes) {
        return key().display(id, inSeveralModes.contains(benchmark));
    }

    public BenchmarkResult withProfiles(List<ProfileArtefact> artefacts) {
        return new BenchmarkResult(
                id,
                benchmark,
                params,
                mode,
                threads,
                category,
                budget,
                judged,
                primary,
                secondary,
                artefacts,
                steadyState,
                wallSeconds);
    }

    public BenchmarkResult withSteadyState(String warning) {
        return new BenchmarkResult(
                id,
                benchmark,
                params,
                mode,
                threads,
                category,
                budget,
                judged,
                primary,
                secondary,
                profiles,
                warning,
                wallSeconds);
    }

    public BenchmarkResult withWallSeconds(Double seconds) {
        return new BenchmarkResult(
                id,
                benchmark,
                params,
                mode,
                threads,
                category,
                budget,
                judged,
                primary,
                secondary,
                profiles,
                steadyState,
                seconds);
    }
}
