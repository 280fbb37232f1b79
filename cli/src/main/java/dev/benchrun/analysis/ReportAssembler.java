package dev.benchrun.analysis;

import dev.benchrun.model.BenchmarkKey;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Environment;
import dev.benchrun.model.Metric;
import dev.benchrun.model.Report;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Unit;
import dev.benchrun.model.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** Builds a {@link Report} from runs already loaded: no files, no clock, the same inputs give the same report. */
public final class ReportAssembler {

    /** The param that names a crypto provider, e.g. BC or JDK. */
    public static final String PROVIDER = "provider";

    /**
     * What a report is made of.
     *
     * @param comparison null without a baseline
     * @param settings thresholds and α for the history's step rule
     * @param variants runs to show side by side; fewer than two means no variant table
     * @param history runs oldest first, ending with {@code run}; null without --history
     * @param runLink the run's directory as the report links to it, e.g. {@code ../.benchrun/runs/<id>}
     */
    public record Sources(
            RunResult run,
            Comparison comparison,
            CompareSettings settings,
            List<RunResult> variants,
            List<RunResult> history,
            int historyRequested,
            String runLink) {

        public Sources {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(settings, "settings");
            variants = variants == null ? List.of() : List.copyOf(variants);
            history = history == null ? null : List.copyOf(history);
        }
    }

    private ReportAssembler() {}

    public static Report assemble(Sources s) {
        var results = byCategory(s.run());
        var lines = lines(results, s.comparison(), s.run().inSeveralModes());
        var categories = categories(lines, s.run());
        var run = new Report.Run(
                execution(s.run()),
                categories,
                total(categories),
                lines,
                s.run().failures());
        return new Report(
                Report.SCHEMA_VERSION,
                run,
                s.comparison(),
                providers(s.run()),
                variants(s.run(), s.variants(), s.settings()),
                history(s, results),
                artefacts(results, s.run().inSeveralModes(), s.runLink()));
    }

    /** The run's results, grouped by category (sorted), in run order within each: the order every section shows. */
    private static List<BenchmarkResult> byCategory(RunResult run) {
        return run.benchmarks().stream()
                .sorted(Comparator.comparing(BenchmarkResult::category))
                .toList();
    }

    static Report.Execution execution(RunResult run) {
        var env = run.environment();
        var git = env == null ? null : env.git();
        var jvm = env == null ? null : env.jvm();
        var settings = run.settings();
        // Under --jmh-annotations the settings' forks and iterations are only what a benchmark without
        // annotations ran with: the report does not show them as the run's.
        boolean annotated = settings != null && settings.annotations() != null;
        var iterations = annotated ? null : settings;
        return new Report.Execution(
                run.id(),
                run.label(),
                run.started(),
                run.finished(),
                git == null ? null : git.commit(),
                git == null ? null : git.branch(),
                git == null ? null : git.dirty(),
                env == null ? null : env.os(),
                env == null ? null : env.kernel(),
                env == null ? null : env.arch(),
                env == null ? null : env.cpuModel(),
                env == null || env.cores() == 0 ? null : env.cores(),
                jvm == null ? null : jvm.version(),
                jvm == null ? null : jvm.vendor(),
                jvm == null ? null : jvm.args(),
                env == null ? null : env.jmhVersion(),
                env == null ? null : env.benchrunVersion(),
                settings == null ? null : settings.profile(),
                iterations == null ? null : iterations.forks(),
                iterations == null ? null : iterations.warmupIterations(),
                iterations == null ? null : iterations.warmupTime(),
                iterations == null ? null : iterations.measurementIterations(),
                iterations == null ? null : iterations.measurementTime(),
                run.interrupted(),
                NoiseWarnings.summary(env, NoiseWarnings.threads(run)),
                annotated ? Boolean.TRUE : null);
    }

    /** One line per result, each with its delta in the comparison where it was compared. */
    static List<Report.Line> lines(List<BenchmarkResult> results, Comparison comparison, Set<String> severalModes) {
        var deltas = new HashMap<BenchmarkKey, Delta>();
        if (comparison != null) {
            comparison.benchmarks().forEach(d -> deltas.put(new BenchmarkKey(d.benchmark(), d.params(), d.mode()), d));
        }
        return results.stream()
                .map(r -> line(r, r.displayName(severalModes), deltas.get(r.key())))
                .toList();
    }

    private static Report.Line line(BenchmarkResult r, String name, Delta d) {
        Metric score = r.estimate();
        Metric alloc = r.allocation();
        return new Report.Line(
                r.id(),
                name,
                r.benchmark(),
                r.params(),
                r.mode(),
                r.category(),
                score.score(),
                score.scoreError(),
                r.jmhScore(),
                score.unit(),
                alloc == null ? null : alloc.score(),
                r.budget() == null ? null : r.budget().toString(),
                r.budgetMet(),
                r.steadyState(),
                r.wallSeconds(),
                d);
    }

    static List<Report.CategoryCount> categories(List<Report.Line> lines, RunResult run) {
        var byCategory = new TreeMap<String, List<Report.Line>>();
        lines.forEach(l ->
                byCategory.computeIfAbsent(l.category(), c -> new ArrayList<>()).add(l));
        var counts = new ArrayList<Report.CategoryCount>();
        byCategory.forEach((category, list) -> counts.add(count(category, list)));
        // A benchmark that threw has no result and so no category; it gets a row of its own.
        int failed = run.failures().size();
        if (failed > 0) {
            counts.add(new Report.CategoryCount(Report.CategoryCount.NO_RESULT, failed, 0, 0, 0, 0, 0, failed));
        }
        return counts;
    }

    private static Report.CategoryCount count(String category, List<Report.Line> lines) {
        int regressions = (int)
                lines.stream().filter(l -> l.verdict() == Verdict.REGRESSION).count();
        int warnings =
                (int) lines.stream().filter(l -> l.verdict() == Verdict.WARNING).count();
        int improvements = (int)
                lines.stream().filter(l -> l.verdict() == Verdict.IMPROVEMENT).count();
        int missed = (int)
                lines.stream().filter(l -> Boolean.FALSE.equals(l.budgetMet())).count();
        int passed = (int) lines.stream()
                .filter(l -> l.verdict() != Verdict.REGRESSION && !Boolean.FALSE.equals(l.budgetMet()))
                .count();
        return new Report.CategoryCount(category, lines.size(), passed, regressions, warnings, improvements, missed, 0);
    }

    private static Report.CategoryCount total(List<Report.CategoryCount> counts) {
        return new Report.CategoryCount(
                "total",
                counts.stream().mapToInt(Report.CategoryCount::benchmarks).sum(),
                counts.stream().mapToInt(Report.CategoryCount::passed).sum(),
                counts.stream().mapToInt(Report.CategoryCount::regressions).sum(),
                counts.stream().mapToInt(Report.CategoryCount::warnings).sum(),
                counts.stream().mapToInt(Report.CategoryCount::improvements).sum(),
                counts.stream().mapToInt(Report.CategoryCount::budgetsMissed).sum(),
                counts.stream().mapToInt(Report.CategoryCount::failed).sum());
    }

    /** Results with a provider param, grouped by everything else; rows where two or more providers ran. */
    static List<Report.ProviderRow> providers(RunResult run) {
        var groups = new LinkedHashMap<BenchmarkKey, List<BenchmarkResult>>();
        for (var r : run.benchmarks()) {
            if (r.params().containsKey(PROVIDER)) {
                var others = new TreeMap<>(r.params());
                others.remove(PROVIDER);
                groups.computeIfAbsent(new BenchmarkKey(r.benchmark(), others, r.mode()), k -> new ArrayList<>())
                        .add(r);
            }
        }
        var rows = new ArrayList<Report.ProviderRow>();
        groups.forEach((key, results) -> {
            Unit unit = Unit.parse(results.get(0).score().unit());
            var scores = new TreeMap<String, Double>();
            var costs = new TreeMap<String, Double>();
            for (var r : results) {
                Double value =
                        convert(r.estimate().score(), Unit.parse(r.score().unit()), unit);
                if (value != null) {
                    scores.put(r.params().get(PROVIDER), value);
                    costs.put(r.params().get(PROVIDER), unit.cost(value));
                }
            }
            if (scores.size() >= 2) {
                var ranked = costs.entrySet().stream()
                        .sorted(Map.Entry.comparingByValue())
                        .toList();
                rows.add(new Report.ProviderRow(
                        results.get(0).id(),
                        key.params(),
                        key.mode(),
                        unit.label(),
                        scores,
                        ranked.get(0).getKey(),
                        ranked.get(1).getValue() / ranked.get(0).getValue()));
            }
        });
        return rows;
    }

    /** A value in another unit of the same dimension; null where they don't convert. */
    static Double convert(double value, Unit from, Unit to) {
        if (from.dimension() != to.dimension()) {
            return null;
        }
        return from.toBase(value) / to.toBase();
    }

    /**
     * The runs side by side on the benchmarks of {@code run}, each row with the best variant and
     * how far ahead of the runner-up it is, judged as compare judges two runs; null for fewer than
     * two runs or no benchmark in two of them. A run with none of the rows' benchmarks has no
     * column; a profile run (only ever here when named) says so in its label.
     */
    public static Report.Variants variants(RunResult run, List<RunResult> runs, CompareSettings settings) {
        if (runs.size() < 2) {
            return null;
        }
        var all = runs.stream().map(ReportAssembler::index).toList();
        var rows = run.benchmarks().parallelStream()
                .map(r -> variantRow(r, run, all, settings))
                .filter(Objects::nonNull)
                .toList();
        var kept = new ArrayList<Integer>();
        for (int i = 0; i < runs.size(); i++) {
            int column = i;
            if (rows.stream().anyMatch(row -> row.scores().get(column) != null)) {
                kept.add(i);
            }
        }
        if (rows.isEmpty() || kept.size() < 2) {
            return null;
        }
        var shown = kept.stream().map(runs::get).toList();
        return new Report.Variants(
                variantRuns(shown), rows.stream().map(row -> keep(row, kept)).toList());
    }

    /** A row with only the kept runs' columns, its indexes referring to them. */
    private static Report.VariantRow keep(Report.VariantRow row, List<Integer> kept) {
        if (kept.size() == row.scores().size()) {
            return row;
        }
        var scores = new ArrayList<Double>();
        kept.forEach(i -> scores.add(row.scores().get(i)));
        return new Report.VariantRow(
                row.name(),
                row.unit(),
                scores,
                kept.indexOf(row.best()),
                kept.indexOf(row.runnerUp()),
                row.margin(),
                row.winner() == null ? null : kept.indexOf(row.winner()));
    }

    private static List<Report.VariantRun> variantRuns(List<RunResult> runs) {
        var labels = variantLabels(runs);
        var variantRuns = new ArrayList<Report.VariantRun>();
        for (int i = 0; i < runs.size(); i++) {
            var r = runs.get(i);
            var jvm = r.environment() == null ? null : r.environment().jvm();
            variantRuns.add(new Report.VariantRun(
                    r.id(),
                    labels.get(i),
                    r.settings() == null ? null : r.settings().profile(),
                    jvm == null ? null : jvm.version(),
                    jvm == null ? List.of() : jvm.args()));
        }
        return variantRuns;
    }

    /** One benchmark across the runs; null where fewer than two of them have it. */
    private static Report.VariantRow variantRow(
            BenchmarkResult r,
            RunResult run,
            List<Map<BenchmarkKey, BenchmarkResult>> indexes,
            CompareSettings settings) {
        Unit unit = Unit.parse(r.score().unit());
        var scores = new ArrayList<Double>();
        var byCost = new ArrayList<Integer>();
        for (int i = 0; i < indexes.size(); i++) {
            var other = indexes.get(i).get(r.key());
            Double value = other == null
                    ? null
                    : convert(other.estimate().score(), Unit.parse(other.score().unit()), unit);
            scores.add(value);
            if (value != null) {
                byCost.add(i);
            }
        }
        if (byCost.size() < 2) {
            return null;
        }
        byCost.sort(Comparator.comparingDouble(i -> unit.cost(scores.get(i))));
        int best = byCost.get(0);
        int runnerUp = byCost.get(1);
        // The runner-up against the best as compare judges two runs: a winner where it flags the runner-up worse.
        var margin = Judge.score(
                indexes.get(best).get(r.key()), indexes.get(runnerUp).get(r.key()), settings);
        boolean clear = margin != null && margin.verdict().compareTo(Verdict.SLOWER) >= 0;
        return new Report.VariantRow(
                r.displayName(run.inSeveralModes()),
                unit.label(),
                scores,
                best,
                runnerUp,
                margin == null ? null : margin.change(),
                clear ? best : null);
    }

    /**
     * The profile name, with the JVM version where versions differ; where labels still repeat, the
     * JVM args, and then the run id.
     */
    private static List<String> variantLabels(List<RunResult> runs) {
        var jvms = runs.stream()
                .map(r -> jvm(r) == null ? null : jvm(r).version())
                .distinct()
                .count();
        var labels = new ArrayList<String>();
        for (var r : runs) {
            String label = r.settings() == null ? r.id() : r.settings().profile();
            labels.add(jvms > 1 && jvm(r) != null ? label + " / Java " + jvm(r).version() : label);
        }
        disambiguate(
                labels,
                i -> jvm(runs.get(i)) == null || jvm(runs.get(i)).args().isEmpty()
                        ? null
                        : String.join(" ", jvm(runs.get(i)).args()));
        disambiguate(labels, i -> "(" + runs.get(i).id() + ")");
        for (int i = 0; i < labels.size(); i++) {
            if (RunResult.PROFILE.equals(runs.get(i).kind())) {
                labels.set(i, labels.get(i) + " (profile run)");
            }
        }
        return labels;
    }

    /** Appends a suffix to each label that occurs more than once. */
    private static void disambiguate(List<String> labels, java.util.function.IntFunction<String> suffix) {
        var repeated = labels.stream()
                .filter(l -> java.util.Collections.frequency(labels, l) > 1)
                .toList();
        for (int i = 0; i < labels.size(); i++) {
            String extra = suffix.apply(i);
            if (repeated.contains(labels.get(i)) && extra != null) {
                labels.set(i, labels.get(i) + " " + extra);
            }
        }
    }

    private static Environment.Jvm jvm(RunResult run) {
        return run.environment() == null ? null : run.environment().jvm();
    }

    static Report.History history(Sources s, List<BenchmarkResult> results) {
        if (s.history() == null) {
            return null;
        }
        var runs = s.history().stream()
                .map(r -> new Report.HistoryRun(
                        r.id(),
                        r.started(),
                        r.environment() == null || r.environment().git() == null
                                ? null
                                : r.environment().git().commit(),
                        r.settings() == null ? null : r.settings().profile()))
                .toList();
        var ids = runs.stream().map(Report.HistoryRun::runId).toList();
        var indexes = s.history().stream().map(ReportAssembler::index).toList();
        var trends = new ArrayList<Report.Trend>();
        for (var line : results) {
            Unit unit = Unit.parse(line.score().unit());
            var scores = new ArrayList<Double>();
            var same = new ArrayList<BenchmarkResult>();
            for (var index : indexes) {
                var r = index.get(line.key());
                if (r == null || Unit.parse(r.score().unit()).dimension() != unit.dimension()) {
                    scores.add(null);
                    same.add(null);
                    continue;
                }
                double factor = Unit.parse(r.score().unit()).toBase() / unit.toBase();
                scores.add(r.estimate().score() * factor);
                same.add(r);
            }
            var steps = StepChanges.find(
                    same, ids, unit, s.settings().thresholdFor(line.category()).warning(), s.settings());
            trends.add(new Report.Trend(
                    line.displayName(s.run().inSeveralModes()), line.category(), unit.label(), scores, steps));
        }
        return new Report.History(s.historyRequested(), runs, trends);
    }

    private static Map<BenchmarkKey, BenchmarkResult> index(RunResult run) {
        var index = new HashMap<BenchmarkKey, BenchmarkResult>();
        run.benchmarks().forEach(r -> index.putIfAbsent(r.key(), r));
        return index;
    }

    private static Report.Artefacts artefacts(List<BenchmarkResult> results, Set<String> severalModes, String runLink) {
        var profiles = new ArrayList<Report.Artefact>();
        for (var r : results) {
            for (var p : r.profiles()) {
                profiles.add(new Report.Artefact(
                        r.displayName(severalModes), p.event(), p.kind(), runLink + "/" + p.path()));
            }
        }
        return new Report.Artefacts(runLink + "/run.json", profiles);
    }
}
