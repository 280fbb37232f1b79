package dev.benchrun.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A result as every output format shows it, assembled from stored runs only: the run section (how
 * the run was made, a summary per category, every result with its budget, the benchmarks without a
 * result), the comparison with a baseline, provider and variant tables, history and artefacts
 * (docs/report-json.md). A compare result is a report with only the comparison section.
 *
 * @param run null for a compare result; its fields are written at the top level of the JSON
 * @param comparison null for a report without {@code --baseline}; the compare JSON when written
 * @param variants null unless two or more stored runs of the same benchmarks differ in profile or JVM
 * @param history null without {@code --history}
 * @param artefacts null for a compare result
 */
public record Report(
        int schemaVersion,
        @JsonUnwrapped Run run,
        Comparison comparison,
        List<ProviderRow> providers,
        Variants variants,
        History history,
        Artefacts artefacts) {

    /** The version of report JSON this benchrun writes (docs/report-json.md). */
    public static final int SCHEMA_VERSION = 3;

    public Report {
        if (run == null && comparison == null) {
            throw new IllegalArgumentException("a report has a run, a comparison or both");
        }
        providers = List.copyOf(providers);
    }

    /** A compare result: the comparison alone. */
    public static Report of(Comparison comparison) {
        return new Report(
                SCHEMA_VERSION, null, Objects.requireNonNull(comparison, "comparison"), List.of(), null, null, null);
    }

    /**
     * The run section: what ran, how, and what came of it.
     *
     * @param benchmarks grouped by category (sorted), in run order within each
     */
    public record Run(
            Execution execution,
            List<CategoryCount> categories,
            CategoryCount total,
            List<Line> benchmarks,
            List<BenchmarkFailure> failures) {

        public Run {
            Objects.requireNonNull(execution, "execution");
            categories = List.copyOf(categories);
            benchmarks = List.copyOf(benchmarks);
            failures = List.copyOf(failures);
        }
    }

    /**
     * Where and how the run was made; fields that were not recorded are null.
     *
     * @param machine how quiet the machine was; null for a run without the noise preflight's readings
     * @param annotations true for a run of {@code --jmh-annotations}: each benchmark's own annotations
     *     decided its forks and iterations, and the five fields of them are null; null otherwise
     */
    public record Execution(
            String runId,
            String label,
            Instant started,
            Instant finished,
            String commit,
            String branch,
            Boolean dirty,
            String os,
            String kernel,
            String arch,
            String cpu,
            Integer cores,
            String jvm,
            String jvmVendor,
            List<String> jvmArgs,
            String jmhVersion,
            String benchrunVersion,
            String profile,
            Integer forks,
            Integer warmupIterations,
            String warmupTime,
            Integer measurementIterations,
            String measurementTime,
            boolean interrupted,
            NoiseSummary machine,
            Boolean annotations) {

        public Execution {
            jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        }
    }

    /**
     * Counts for one category (or the total).
     *
     * @param passed ran, no REGRESSION, and within budget
     * @param failed threw or crashed, so has no result
     */
    public record CategoryCount(
            String category,
            int benchmarks,
            int passed,
            int regressions,
            int warnings,
            int improvements,
            int budgetsMissed,
            int failed) {

        /** The category of the benchmarks that threw or crashed, which have no result and so no category. */
        public static final String NO_RESULT = "(no result)";
    }

    /**
     * One result of the run.
     *
     * @param score the judged metric's score (e.g. bytes for the memory suite) as every view shows it
     *     ({@link BenchmarkResult#estimate()}): JMH's score, except in sample mode, where it is the mean
     *     of the iteration means that compare judges
     * @param error its 99.9% half-width (JMH's), null where there is none
     * @param jmhScore JMH's score where {@code score} is not it (sample mode: the mean of all the
     *     individual samples); null otherwise
     * @param bytesPerOp gc.alloc.rate.norm, where the gc profiler ran
     * @param budgetMet null where the budget's unit does not convert to the score's
     * @param steadyState the warning that its forks still trend over their measured iterations; null
     *     when they are steady or were not tested
     * @param wallSeconds the wall time the run spent on the benchmark; null where not measured
     * @param delta this result in the report's comparison (the same object as there, so not written
     *     again); null without a baseline or where the baseline lacks the benchmark
     */
    public record Line(
            String id,
            String name,
            String benchmark,
            Map<String, String> params,
            String mode,
            String category,
            double score,
            Double error,
            Double jmhScore,
            String unit,
            Double bytesPerOp,
            String budget,
            Boolean budgetMet,
            String steadyState,
            Double wallSeconds,
            @JsonIgnore Delta delta) {

        public Line {
            params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        }

        /** The comparison's verdict; null where nothing was compared. */
        @JsonIgnore
        public Verdict verdict() {
            return delta == null ? null : delta.verdict();
        }
    }

    /**
     * The same benchmark on several providers (its {@code provider} param): each provider's score,
     * the fastest, and how many times slower the runner-up is.
     *
     * @param params the other params, which are equal across the row
     * @param scores provider to score, in {@code unit}
     * @param ratio runner-up cost over the winner's (≥ 1)
     */
    public record ProviderRow(
            String id,
            Map<String, String> params,
            String mode,
            String unit,
            Map<String, Double> scores,
            String winner,
            double ratio) {

        public ProviderRow {
            params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
            scores = java.util.Collections.unmodifiableMap(new TreeMap<>(scores));
        }
    }

    /** Runs of the same benchmarks under different profiles or JVMs, side by side. */
    public record Variants(List<VariantRun> runs, List<VariantRow> benchmarks) {
        public Variants {
            runs = List.copyOf(runs);
            benchmarks = List.copyOf(benchmarks);
        }
    }

    /** One variant: a stored run and what sets it apart. */
    public record VariantRun(String runId, String label, String profile, String jvm, List<String> jvmArgs) {
        public VariantRun {
            jvmArgs = List.copyOf(jvmArgs);
        }
    }

    /**
     * One benchmark across the variants.
     *
     * @param scores one per variant run, in {@code unit}; null where that run lacks the benchmark
     * @param best index of the variant with the lowest cost
     * @param runnerUp index of the variant with the next lowest cost
     * @param margin how much costlier the runner-up is than the best (its cost / the best's − 1),
     *     with its interval; null where their units do not convert
     * @param winner {@code best} where the runner-up is significantly costlier, as compare would flag
     *     it (U test at α, the interval above 0, the change beyond the noise floor); null where no
     *     variant is clearly best
     */
    public record VariantRow(
            String name, String unit, List<Double> scores, int best, int runnerUp, Interval margin, Integer winner) {
        public VariantRow {
            scores = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(scores));
        }
    }

    /**
     * Each benchmark's score over the last stored runs, oldest first, with its step changes.
     *
     * @param requested the N of {@code --history N}
     */
    public record History(int requested, List<HistoryRun> runs, List<Trend> benchmarks) {
        public History {
            runs = List.copyOf(runs);
            benchmarks = List.copyOf(benchmarks);
        }
    }

    /** A run on the history's time axis. */
    public record HistoryRun(String runId, Instant started, String commit, String profile) {}

    /**
     * One benchmark's history.
     *
     * @param scores one per history run, in {@code unit}; null where that run lacks the benchmark
     */
    public record Trend(String name, String category, String unit, List<Double> scores, List<Step> steps) {
        public Trend {
            scores = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(scores));
            steps = List.copyOf(steps);
        }
    }

    /**
     * A lasting change of level at history run {@code index} (docs/report.md, "Step changes").
     *
     * @param before median level of the runs before, in the trend's unit
     * @param after median level from this run on
     * @param change cost after / cost before − 1; positive = worse
     * @param pValue U test between this run and the one before; null where either has too few samples
     */
    public record Step(int index, String runId, double before, double after, double change, Double pValue) {}

    /**
     * Files a reader may open, relative to the report's directory.
     *
     * @param run the run's run.json
     */
    public record Artefacts(String run, List<Artefact> profiles) {
        public Artefacts {
            profiles = List.copyOf(profiles);
        }
    }

    /** A profiler output of one benchmark. */
    public record Artefact(String benchmark, String event, String kind, String path) {}
}
