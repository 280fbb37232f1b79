package dev.benchrun.render;

import dev.benchrun.model.BenchmarkKey;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.HotspotDiff;
import dev.benchrun.model.Interval;
import dev.benchrun.model.Recommendation;
import dev.benchrun.model.Report;
import dev.benchrun.model.Verdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** Each fact of a report in words, written once here so that every format says the same. */
final class ReportText {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** A labelled line of the execution details. */
    record Detail(String label, String value) {}

    /** The summary table's column titles, after "Category". */
    static final List<String> COUNT_HEADERS =
            List.of("Benchmarks", "Passed", "Regressions", "Warnings", "Improvements", "Budgets missed", "Failed");

    private ReportText() {}

    static String title(Report r) {
        return r.run() == null
                ? "benchrun compare"
                : "benchrun report: run " + r.run().execution().runId();
    }

    /** "95%": the confidence level of the comparison's intervals. */
    static String level(CompareSettings settings) {
        return BigDecimal.valueOf(settings.confidence())
                        .movePointRight(2)
                        .stripTrailingZeros()
                        .toPlainString() + "%";
    }

    /** "Change [95% CI]", at the comparison's confidence level. */
    static String changeHeader(CompareSettings settings) {
        return "Change [" + level(settings) + " CI]";
    }

    /** The columns of a comparison table. */
    static List<String> comparisonHeaders(CompareSettings settings) {
        return List.of("Benchmark", "Baseline", "Candidate", "Unit", changeHeader(settings), "p", "Verdict", "Notes");
    }

    /** "main (run 20261123T060000Z-aaaa), commit 0123456789, Java 17.0.15". */
    static String side(Comparison.Side side) {
        var text = new StringBuilder(side.ref());
        if (side.runId() != null && !side.runId().equals(side.ref())) {
            text.append(" (run ").append(side.runId()).append(')');
        }
        if (side.commit() != null) {
            text.append(", commit ").append(shortCommit(side.commit()));
        }
        if (side.jvm() != null) {
            text.append(", Java ").append(side.jvm());
        }
        return text.toString();
    }

    /** A side's mean with the relative half-width of its interval: "26.68 ± 1.5%". */
    static String mean(Interval interval) {
        if (interval == null) {
            return "";
        }
        return Numbers.format(interval.estimate()) + " ± "
                + String.format(Locale.ROOT, "%.1f%%", interval.relativeHalfWidth() * 100);
    }

    /** "+31.1% [+27.6%, +34.2%]", or the estimate alone where the interval has no width. */
    static String change(Interval change) {
        if (change == null) {
            return "";
        }
        if (!Double.isFinite(change.estimate())) {
            return "new cost";
        }
        if (change.lower() == change.estimate() && change.upper() == change.estimate()) {
            return Numbers.percent(change.estimate());
        }
        return Numbers.percent(change.estimate()) + " [" + Numbers.percent(change.lower()) + ", "
                + Numbers.percent(change.upper()) + "]";
    }

    /** "0.063", "<0.001", or nothing where no test was made. */
    static String p(Double p) {
        if (p == null || Double.isNaN(p)) {
            return "";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /**
     * What the verdict alone does not say: the allocation verdict, a missed budget, the warnings.
     *
     * @param budget whether to name a missed budget; a report shows budgets in a section of their own
     */
    static String notes(Delta d, boolean budget) {
        var notes = new ArrayList<String>();
        if (d.allocation() != null && d.allocation().verdict() != Verdict.NO_CHANGE) {
            notes.add("alloc " + d.allocation().verdict().label() + ": "
                    + d.allocation().reason());
        }
        if (budget && Boolean.FALSE.equals(d.budgetMet())) {
            notes.add("misses budget " + d.budget());
        }
        notes.addAll(d.warnings());
        return String.join("; ", notes);
    }

    /** "1. Foo.bar — 68.3% of time (+19.6 pp)", a comparison's hotspot line. */
    static List<String> hotspots(Delta d) {
        var lines = new ArrayList<String>();
        for (int i = 0; i < d.hotspots().size(); i++) {
            var h = d.hotspots().get(i);
            lines.add(String.format(
                    Locale.ROOT,
                    "%d. %s — %.1f%% of time (%+.1f pp)",
                    i + 1,
                    h.frame(),
                    h.candidateTotal() * 100,
                    h.deltaPoints()));
        }
        return lines;
    }

    /** "+13.0 pp (31.0% → 44.0% of time)", a report's hotspot, after the frame. */
    static String hotspot(HotspotDiff h) {
        return String.format(
                Locale.ROOT,
                "%+.1f pp (%.1f%% → %.1f%% of time)",
                h.deltaPoints(),
                h.baselineTotal() * 100,
                h.candidateTotal() * 100);
    }

    static String geomean(Comparison.CategorySummary summary) {
        return summary.geomeanRatio() == null ? "" : Numbers.percent(summary.geomeanRatio() - 1);
    }

    /** "hashWork: compare in an A/B session (run --against) — its interval [-6.1%, +14.0%] reaches past ±10%". */
    static String recommendation(Recommendation r) {
        return r.benchmark() + ": " + r.advice() + " — " + r.evidence();
    }

    /** A compare result's closing lines: the counts, then its {@link #notes}. */
    static List<String> footer(Comparison c) {
        var lines = new ArrayList<String>();
        long inconclusive = c.count(Verdict.INCONCLUSIVE);
        lines.add(String.format(
                Locale.ROOT,
                "%d compared: %d regression%s, %d warning%s, %d slower, %d improvement%s, %s%d unchanged%s.",
                c.compared(),
                c.count(Verdict.REGRESSION),
                plural(c.count(Verdict.REGRESSION)),
                c.count(Verdict.WARNING),
                plural(c.count(Verdict.WARNING)),
                c.count(Verdict.SLOWER),
                c.count(Verdict.IMPROVEMENT),
                plural(c.count(Verdict.IMPROVEMENT)),
                // Only an A/B session has undecided benchmarks; two runs keep their line as it was.
                inconclusive == 0 ? "" : inconclusive + " inconclusive, ",
                c.count(Verdict.NO_CHANGE),
                c.notCompared().isEmpty() ? "" : "; " + c.notCompared().size() + " not compared"));
        lines.addAll(notes(c, c.compared() + " benchmarks", "Missing from the candidate: ", "New in the candidate: "));
        String legend = sampleLegend(c);
        if (legend != null) {
            lines.add(legend);
        }
        return lines;
    }

    /**
     * A report's closing notes on its comparison: a compare result's, told of "this run" (the
     * candidate) and without the counts, which the summary shows.
     */
    static List<String> comparisonNotes(Report r) {
        var c = r.comparison();
        return c == null
                ? List.of()
                : notes(c, "the compared benchmarks", "Missing from this run: ", "Not in the baseline: ");
    }

    /** "Not steady: x25519_keygen: its fork still trends …", one per result whose forks still trend. */
    static List<String> steadyStateNotes(Report.Run run) {
        return run.benchmarks().stream()
                .filter(l -> l.steadyState() != null)
                .map(l -> "Not steady: " + Printable.visible(l.name() + ": " + l.steadyState()))
                .toList();
    }

    /** A report's notes on the machine: what made it noisy, then what changes what the numbers mean. */
    static List<String> machineNotes(Report r) {
        var machine = r.run().execution().machine();
        if (machine == null) {
            return List.of();
        }
        var notes = new ArrayList<String>();
        machine.warnings().forEach(w -> notes.add("Warning: " + w));
        machine.notes().forEach(n -> notes.add("Note: " + n));
        return notes;
    }

    /** The chance line, the benchmarks on one side only, the warnings: what a reader must know to trust a comparison. */
    private static List<String> notes(Comparison c, String compared, String missing, String added) {
        var notes = new ArrayList<String>();
        if (c.pairing() != null) {
            notes.add(String.format(
                    Locale.ROOT,
                    "Judged as pairs of forks (%s, α spent at %s of at most %d pairs): p adjusted for the looks and for"
                            + " %s (Benjamini–Hochberg) is compared with α = %s, so at most a share α of what is flagged"
                            + " is flagged by chance; a change is flagged only beyond the %s noise floor.",
                    c.pairing().order(),
                    c.pairing().looks().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    c.pairing().maxPairs(),
                    compared,
                    c.settings().alpha(),
                    noiseFloor(c)));
        } else if (c.benchmarks().stream().anyMatch(d -> d.runSpread() != null)) {
            notes.add(String.format(
                    Locale.ROOT,
                    "Judged against a baseline of %d runs, the run a level of the model: p adjusted for %s"
                            + " (Benjamini–Hochberg) is compared with α = %s, so at most a share α of what is flagged"
                            + " is flagged by chance; a change is flagged only beyond the %s noise floor.",
                    c.benchmarks().stream().mapToInt(Delta::baselineRuns).max().orElse(0),
                    compared,
                    c.settings().alpha(),
                    noiseFloor(c)));
        } else {
            notes.add(String.format(
                    Locale.ROOT,
                    "At α = %s, about %.1f of %s would show p < α by chance alone; the CI and the %s noise floor must agree before anything is flagged.",
                    c.settings().alpha(),
                    c.expectedFalsePositives(),
                    compared,
                    noiseFloor(c)));
        }
        if (!c.notCompared().isEmpty()) {
            notes.add("Not compared (their units do not convert): " + String.join(", ", c.notCompared()));
        }
        if (!c.onlyInBaseline().isEmpty()) {
            notes.add(missing + String.join(", ", c.onlyInBaseline()));
        }
        if (!c.onlyInCandidate().isEmpty()) {
            notes.add(added + String.join(", ", c.onlyInCandidate()));
        }
        c.warnings().forEach(w -> notes.add("Warning: " + w));
        return notes;
    }

    private static String noiseFloor(Comparison c) {
        return Numbers.percent(c.settings().noiseFloor()).replace("+", "");
    }

    /** "1 regression, 2 improvements, 1 budget missed; 12 benchmarks against baseline main". */
    static String headline(Report r) {
        var t = r.run().total();
        var parts = new ArrayList<String>();
        if (r.comparison() != null) {
            parts.add(count(t.regressions(), "regression"));
            if (t.warnings() > 0) {
                parts.add(count(t.warnings(), "warning"));
            }
            parts.add(count(t.improvements(), "improvement"));
        }
        parts.add(t.budgetsMissed() == 1 ? "1 budget missed" : t.budgetsMissed() + " budgets missed");
        if (t.failed() > 0) {
            parts.add(t.failed() + " without a result");
        }
        return String.join(", ", parts) + "; " + count(t.benchmarks(), "benchmark")
                + (r.comparison() == null
                        ? ""
                        : " against baseline " + r.comparison().baseline().ref());
    }

    static List<Detail> execution(Report r) {
        var e = r.run().execution();
        var details = new ArrayList<Detail>();
        details.add(new Detail(
                "Run",
                e.runId()
                        + (e.label() == null ? "" : " (" + e.label() + ")")
                        + (e.interrupted() ? ", interrupted: partial results" : "")));
        details.add(new Detail("Date", date(e.started()) + duration(e.started(), e.finished())));
        if (e.commit() != null) {
            details.add(new Detail(
                    "Commit",
                    shortCommit(e.commit())
                            + (e.branch() == null ? "" : " on " + e.branch())
                            + (Boolean.TRUE.equals(e.dirty()) ? " (uncommitted changes)" : " (clean)")));
        }
        details.add(new Detail("Platform", join(" ", e.os(), e.kernel(), e.arch())));
        details.add(new Detail("CPU", join(", ", e.cpu(), e.cores() == null ? null : e.cores() + " cores")));
        details.add(new Detail(
                "JVM",
                join(" ", e.jvmVendor(), e.jvm())
                        + (e.jvmArgs().isEmpty() ? "" : " " + String.join(" ", e.jvmArgs()))));
        details.add(new Detail("Profile", e.profile() == null ? "" : e.profile() + ": " + settings(e)));
        if (e.machine() != null) {
            details.add(new Detail("Machine", e.machine().headline()));
        }
        details.add(new Detail(
                "Tools",
                join(
                        ", ",
                        e.jmhVersion() == null ? null : "JMH " + e.jmhVersion(),
                        e.benchrunVersion() == null ? null : "benchrun " + e.benchrunVersion())));
        if (r.comparison() != null) {
            var b = r.comparison().baseline();
            details.add(new Detail(
                    "Baseline",
                    b.ref() + ": run " + b.runId()
                            + (b.commit() == null ? "" : ", commit " + shortCommit(b.commit()))
                            + (b.started() == null ? "" : ", " + date(b.started()))));
        }
        return details;
    }

    private static String settings(Report.Execution e) {
        if (e.annotations() != null) {
            return "each benchmark's own @Fork, @Warmup and @Measurement (--jmh-annotations)";
        }
        if (e.forks() == null) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                "%d fork%s × %d iteration%s of %s after %d × %s warm-up",
                e.forks(),
                e.forks() == 1 ? "" : "s",
                e.measurementIterations(),
                e.measurementIterations() == 1 ? "" : "s",
                e.measurementTime(),
                e.warmupIterations(),
                e.warmupTime());
    }

    static List<String> counts(Report.CategoryCount c) {
        return List.of(
                String.valueOf(c.benchmarks()),
                String.valueOf(c.passed()),
                String.valueOf(c.regressions()),
                String.valueOf(c.warnings()),
                String.valueOf(c.improvements()),
                String.valueOf(c.budgetsMissed()),
                String.valueOf(c.failed()));
    }

    /** The key results' columns, with the comparison's where there is one. */
    static List<String> resultHeaders(Comparison c) {
        var headers = new ArrayList<>(List.of("Benchmark", "Score", "Error", "Unit", "B/op"));
        if (c != null) {
            headers.addAll(List.of("Baseline", changeHeader(c.settings()), "p", "Verdict"));
        }
        return headers;
    }

    static String score(Report.Line l) {
        return Numbers.format(l.score());
    }

    static String error(Report.Line l) {
        return l.error() == null || Double.isNaN(l.error()) ? "" : "± " + Numbers.format(l.error());
    }

    static String bytes(Report.Line l) {
        return l.bytesPerOp() == null ? "" : Numbers.bytes(l.bytesPerOp());
    }

    static String baseline(Report.Line l) {
        return l.delta() == null ? "" : mean(l.delta().baseline());
    }

    static String change(Report.Line l) {
        return l.delta() == null ? "" : change(l.delta().change());
    }

    static String p(Report.Line l) {
        return l.delta() == null ? "" : p(l.delta().pValue());
    }

    static String verdict(Report.Line l) {
        return l.verdict() == null ? "not in baseline" : l.verdict().label();
    }

    /** "PASS", "FAIL", or "?" where the budget's unit does not convert to the score's. */
    static String budgetStatus(Report.Line l) {
        return l.budgetMet() == null ? "?" : l.budgetMet() ? "PASS" : "FAIL";
    }

    static String current(Report.Line l) {
        return Numbers.format(l.score()) + " " + l.unit();
    }

    /** "+30.1% [+25.0%, +35.2%], p <0.001; 1.000 → 1.301 us/op", and the notes, of a compared result. */
    static String changeSentence(Report.Line l) {
        var d = l.delta();
        var text = new StringBuilder(change(l));
        if (!p(l).isEmpty()) {
            text.append(", p ").append(p(l));
        }
        if (d.baseline() != null) {
            text.append("; ")
                    .append(Numbers.format(d.baseline().estimate()))
                    .append(" → ")
                    .append(Numbers.format(l.score()))
                    .append(' ')
                    .append(l.unit());
        }
        String notes = notes(d, false);
        if (!notes.isEmpty()) {
            text.append("; ").append(notes);
        }
        return text.toString();
    }

    /**
     * The legend of a table that shows sample-mode scores, whose estimate is not what JMH calls
     * Score: "Sample mode (session_resume): Score is the mean of the iteration means, …"; null where
     * none is in sample mode.
     *
     * @param shown what the table calls its estimate: "Score", or "Baseline and Candidate"
     * @param names the benchmarks in sample mode
     */
    static String sampleLegend(String shown, List<String> names) {
        if (names.isEmpty()) {
            return null;
        }
        String which = names.size() <= 3
                ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
        boolean one = !shown.contains(" and ");
        return "Sample mode (" + which + "): " + shown + (one ? " is " : " are ") + BenchmarkResult.SAMPLE_ESTIMATE
                + ", the estimate compare judges (JMH's Score is the mean of all the individual samples, which"
                + " weighs fast iterations more).";
    }

    /** The Key results' legend, where some of its lines are in sample mode; null otherwise. */
    static String sampleLegend(java.util.Map<String, List<Report.Line>> byCategory, Comparison c) {
        return sampleLegend(
                c == null ? "Score" : "Score and Baseline",
                byCategory.values().stream()
                        .flatMap(List::stream)
                        .filter(l -> l.jmhScore() != null)
                        .map(Report.Line::name)
                        .toList());
    }

    /** A comparison's legend, where some of its benchmarks are in sample mode; null otherwise. */
    static String sampleLegend(Comparison c) {
        return sampleLegend(
                "Baseline and Candidate",
                c.benchmarks().stream()
                        .filter(d -> BenchmarkResult.SAMPLE.equals(d.mode()))
                        .map(c::nameOf)
                        .toList());
    }

    /** REGRESSION or WARNING: what the Regressions section lists. */
    static boolean worse(Verdict verdict) {
        return verdict == Verdict.REGRESSION || verdict == Verdict.WARNING;
    }

    static String providerWinner(Report.ProviderRow row) {
        return String.format(Locale.ROOT, "%s, %.2f× faster", row.winner(), row.ratio());
    }

    static String providerName(Report.ProviderRow row) {
        return new BenchmarkKey(row.id(), row.params(), row.mode()).display(row.id());
    }

    /** The provider names across the rows, sorted: the provider table's columns. */
    static List<String> providerNames(List<Report.ProviderRow> rows) {
        return rows.stream()
                .flatMap(p -> p.scores().keySet().stream())
                .distinct()
                .sorted()
                .toList();
    }

    static String variantScore(Double score) {
        return score == null ? "" : Numbers.format(score);
    }

    /** The header of the winner's column of a variant table. */
    static final String VARIANT_WINNER = "Winner";

    /** The header of the runner-up's column of a variant table. */
    static final String VARIANT_MARGIN = "Runner-up's extra cost";

    /** The variant that is clearly best, or "~" where none is. */
    static String variantWinner(Report.Variants v, Report.VariantRow row) {
        return row.winner() == null ? "~" : v.runs().get(row.winner()).label();
    }

    /** "quick +12.3% [+8.1%, +16.4%]": how much more the runner-up costs than the best, with its interval. */
    static String variantMargin(Report.Variants v, Report.VariantRow row) {
        return row.margin() == null
                ? v.runs().get(row.runnerUp()).label() + ": units do not convert"
                : v.runs().get(row.runnerUp()).label() + " " + change(row.margin());
    }

    /** What the variant table's marks and last columns mean: "Best (lowest cost) in bold; the winner ...". */
    static String variantHint(String bestMark) {
        return "Best (lowest cost) " + bestMark + "; the winner is the best where the runner-up costs"
                + " significantly more (as compare would flag it), else ~.";
    }

    /** "quick = run 20261123T061500Z-3fa2, g1 = run …": the variants' runs. */
    static String variantRuns(Report.Variants v) {
        return String.join(
                ", ",
                v.runs().stream()
                        .map(run -> run.label() + " = run " + run.runId())
                        .toList());
    }

    /** "History (last 8 of 20 requested runs)". */
    static String historyTitle(Report.History h) {
        return String.format(
                Locale.ROOT, "History (last %d of %d requested runs)", h.runs().size(), h.requested());
    }

    /** "+12.3% worse at #14 (2026-11-20, 0123456789)": a step of cost, so up is worse, down better. */
    static String step(Report.Step step, Report.History history) {
        var run = history.runs().get(step.index());
        return Numbers.percent(step.change()) + (worse(step) ? " worse" : " better") + " at #" + (step.index() + 1)
                + " (" + day(run.started()) + (run.commit() == null ? "" : ", " + shortCommit(run.commit())) + ")";
    }

    /** Whether a step made the benchmark cost more. */
    static boolean worse(Report.Step step) {
        return step.change() > 0;
    }

    /** Each step of a trend, in the good colour where it is an improvement and the bad where it is not. */
    static String steps(Report.Trend trend, Report.History history, Style style) {
        return String.join(
                "; ",
                trend.steps().stream()
                        .map(s -> worse(s) ? style.bad(step(s, history)) : style.good(step(s, history)))
                        .toList());
    }

    static String steps(Report.Trend trend, Report.History history) {
        return String.join(
                "; ", trend.steps().stream().map(s -> step(s, history)).toList());
    }

    /** The oldest and newest score of a trend, and the change between them in cost terms. */
    static String firstToLast(Report.Trend trend) {
        Double first =
                trend.scores().stream().filter(Objects::nonNull).findFirst().orElse(null);
        Double last = trend.scores().get(trend.scores().size() - 1);
        if (first == null || last == null) {
            return "";
        }
        return Numbers.format(first) + " → " + Numbers.format(last);
    }

    static String date(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    static String shortCommit(String commit) {
        return commit == null ? "" : commit.substring(0, Math.min(10, commit.length()));
    }

    private static String duration(Instant start, Instant end) {
        if (start == null || end == null) {
            return "";
        }
        return " (" + ProgressDisplay.duration(Duration.between(start, end)) + ")";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    private static String join(String separator, String... parts) {
        var present = new ArrayList<String>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p);
            }
        }
        return String.join(separator, present);
    }
}
