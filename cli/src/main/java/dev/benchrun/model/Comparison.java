package dev.benchrun.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * The result of {@code compare}: every benchmark present on both sides, a summary per category,
 * what is on one side only, and warnings about the comparison as a whole (docs/compare-json.md).
 *
 * @param expectedFalsePositives how many benchmarks would show p &lt; α by chance alone (for an A/B
 *     session, whose p-values are adjusted for the family, at most α in all)
 * @param pairing the A/B session both sides were measured in; null for two independent runs
 * @param recommendations per benchmark, the next steps its measurements support
 */
public record Comparison(
        int schemaVersion,
        Side baseline,
        Side candidate,
        CompareSettings settings,
        List<Delta> benchmarks,
        List<CategorySummary> categories,
        List<String> onlyInBaseline,
        List<String> onlyInCandidate,
        List<String> warnings,
        double expectedFalsePositives,
        Paired pairing,
        List<Recommendation> recommendations) {

    /** The version of compare JSON this benchrun writes (docs/compare-json.md). */
    public static final int SCHEMA_VERSION = 1;

    public Comparison {
        benchmarks = List.copyOf(benchmarks);
        categories = List.copyOf(categories);
        onlyInBaseline = List.copyOf(onlyInBaseline);
        onlyInCandidate = List.copyOf(onlyInCandidate);
        warnings = List.copyOf(warnings);
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
    }

    /** The same comparison with these recommendations. */
    public Comparison withRecommendations(List<Recommendation> recommendations) {
        return new Comparison(
                schemaVersion,
                baseline,
                candidate,
                settings,
                benchmarks,
                categories,
                onlyInBaseline,
                onlyInCandidate,
                warnings,
                expectedFalsePositives,
                pairing,
                recommendations);
    }

    /** The recommendations for one benchmark, by its row's name. */
    public List<Recommendation> recommendationsFor(Delta delta) {
        return recommendations.stream()
                .filter(r -> r.benchmark().equals(nameOf(delta)))
                .toList();
    }

    /** The same comparison with more warnings about it as a whole. */
    public Comparison withWarnings(List<String> more) {
        var all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new Comparison(
                schemaVersion,
                baseline,
                candidate,
                settings,
                benchmarks,
                categories,
                onlyInBaseline,
                onlyInCandidate,
                all,
                expectedFalsePositives,
                pairing,
                recommendations);
    }

    /**
     * What was compared on one side.
     *
     * @param ref what the user named: a baseline, a run id, a file
     */
    public record Side(String ref, String runId, String label, Instant started, String commit, String jvm) {}

    /**
     * One category's counts and the geometric mean of its cost ratios (1.0 = unchanged).
     *
     * @param benchmarks how many were compared
     * @param notCompared how many are on both sides but were not compared (units that do not convert)
     * @param geomeanRatio null where none was compared
     */
    public record CategorySummary(
            String category,
            int benchmarks,
            int notCompared,
            int regressions,
            int warnings,
            int slower,
            int improvements,
            Double geomeanRatio) {}

    /**
     * The session both sides come from, and how its benchmarks were judged as pairs.
     *
     * @param session the session's id (both runs' {@code session.id})
     * @param order how the forks of a pair were ordered ({@code ABBA})
     * @param maxPairs the most pairs a benchmark could take
     * @param looks the numbers of pairs at which a benchmark could stop
     * @param adjustment how the p-values of the benchmarks were adjusted for their number
     */
    public record Paired(String session, String order, int maxPairs, List<Integer> looks, String adjustment) {
        public static final String BENJAMINI_HOCHBERG = "benjamini-hochberg";

        public Paired {
            looks = List.copyOf(looks);
        }
    }

    public long count(Verdict verdict) {
        return benchmarks.stream().filter(d -> d.verdict() == verdict).count();
    }

    /** How many benchmarks were compared: those on both sides whose units convert. */
    @JsonIgnore
    public long compared() {
        return benchmarks.stream().filter(d -> d.verdict().compared()).count();
    }

    /** The benchmarks on both sides that could not be compared, by display name. */
    @JsonIgnore
    public List<String> notCompared() {
        return benchmarks.stream()
                .filter(d -> !d.verdict().compared())
                .map(this::nameOf)
                .toList();
    }

    /**
     * The benchmark's name as tables show it: with its params, and its mode first where the same
     * benchmark was compared in several modes ({@code measureMultiple[mode=avgt]}).
     */
    public String nameOf(Delta d) {
        return d.key().display(d.id(), inSeveralModes(d.benchmark()));
    }

    /**
     * Whether this benchmark was compared in more than one mode ({@link BenchmarkKey#inSeveralModes}
     * for one name): one pass without building the set, since every row of a table asks it; the
     * names' hashes, which strings keep, tell almost every other benchmark apart at once, where
     * comparing names of one length and a long common prefix took 0.07 s of CPU for 1,000.
     */
    private boolean inSeveralModes(String benchmark) {
        int hash = benchmark.hashCode();
        Delta first = null;
        for (Delta other : benchmarks) {
            if (other.benchmark().hashCode() == hash && other.benchmark().equals(benchmark)) {
                if (first == null) {
                    first = other;
                } else if (!java.util.Objects.equals(first.mode(), other.mode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The benchmarks of one category, in comparison order. */
    public List<Delta> benchmarksIn(String category) {
        return benchmarks.stream().filter(d -> d.category().equals(category)).toList();
    }

    public Comparison withBenchmarks(List<Delta> deltas) {
        return new Comparison(
                schemaVersion,
                baseline,
                candidate,
                settings,
                deltas,
                categories,
                onlyInBaseline,
                onlyInCandidate,
                warnings,
                expectedFalsePositives,
                pairing,
                recommendations);
    }
}
