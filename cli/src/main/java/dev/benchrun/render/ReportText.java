package dev.benchrun.render;

import dev.benchrun.model.Report;
import dev.benchrun.model.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plain-text pieces of a report, shared by its Markdown, HTML and JUnit forms so all three say the same. */
final class ReportText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** A labelled line of the execution details. */
    record Detail(String label, String value) {}

    /** The summary table's column titles, after "Category". */
    static final List<String> COUNT_HEADERS = List.of("Benchmarks", "Passed", "Regressions", "Warnings",
            "Improvements", "Budgets missed", "Failed");

    private ReportText() {}

    static String title(Report r) {
        return "benchrun report: run " + r.execution().runId();
    }

    /** "1 regression, 2 improvements, 1 budget missed; 12 benchmarks against baseline main". */
    static String headline(Report r) {
        var t = r.total();
        var parts = new ArrayList<String>();
        if (r.baseline() != null) {
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
                + (r.baseline() == null ? "" : " against baseline " + r.baseline().name());
    }

    static List<Detail> execution(Report r) {
        var e = r.execution();
        var details = new ArrayList<Detail>();
        details.add(new Detail("Run", e.runId() + (e.label() == null ? "" : " (" + e.label() + ")")
                + (e.interrupted() ? ", interrupted: partial results" : "")));
        details.add(new Detail("Date", date(e.started()) + duration(e.started(), e.finished())));
        if (e.commit() != null) {
            details.add(new Detail("Commit", shortCommit(e.commit()) + (e.branch() == null ? "" : " on " + e.branch())
                    + (Boolean.TRUE.equals(e.dirty()) ? " (uncommitted changes)" : " (clean)")));
        }
        details.add(new Detail("Platform", join(" ", e.os(), e.kernel(), e.arch())));
        details.add(new Detail("CPU", join(", ", e.cpu(), e.cores() == null ? null : e.cores() + " cores")));
        details.add(new Detail("JVM", join(" ", e.jvmVendor(), e.jvm())
                + (e.jvmArgs().isEmpty() ? "" : " " + String.join(" ", e.jvmArgs()))));
        details.add(new Detail("Profile", e.profile() == null ? "" : e.profile() + ": " + settings(e)));
        details.add(new Detail("Tools", join(", ", e.jmhVersion() == null ? null : "JMH " + e.jmhVersion(),
                e.benchrunVersion() == null ? null : "benchrun " + e.benchrunVersion())));
        if (r.baseline() != null) {
            var b = r.baseline();
            details.add(new Detail("Baseline", b.name() + ": run " + b.runId()
                    + (b.commit() == null ? "" : ", commit " + shortCommit(b.commit()))
                    + (b.started() == null ? "" : ", " + date(b.started()))));
        }
        return details;
    }

    private static String settings(Report.Execution e) {
        if (e.forks() == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%d fork%s × %d iteration%s of %s after %d × %s warm-up", e.forks(),
                e.forks() == 1 ? "" : "s", e.measurementIterations(), e.measurementIterations() == 1 ? "" : "s",
                e.measurementTime(), e.warmupIterations(), e.warmupTime());
    }

    static List<String> counts(Report.CategoryCount c) {
        return List.of(String.valueOf(c.benchmarks()), String.valueOf(c.passed()), String.valueOf(c.regressions()),
                String.valueOf(c.warnings()), String.valueOf(c.improvements()), String.valueOf(c.budgetsMissed()),
                String.valueOf(c.failed()));
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
        return CompareRows.side(l.baselineScore());
    }

    static String change(Report.Line l) {
        return CompareRows.change(l.change());
    }

    static String p(Report.Line l) {
        return l.pValue() == null ? "" : CompareRows.p(l.pValue());
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

    /** "+30.1% [+25.0%, +35.2%], p <0.001; 1.000 → 1.301 us/op". */
    static String changeSentence(Report.Line l) {
        var text = new StringBuilder(change(l));
        if (l.pValue() != null) {
            text.append(", p ").append(p(l));
        }
        if (l.baselineScore() != null) {
            text.append("; ").append(Numbers.format(l.baselineScore().estimate())).append(" → ")
                    .append(Numbers.format(l.score())).append(' ').append(l.unit());
        }
        if (!l.notes().isEmpty()) {
            text.append("; ").append(String.join("; ", l.notes()));
        }
        return text.toString();
    }

    static String hotspot(dev.benchrun.model.HotspotDiff h) {
        return String.format(Locale.ROOT, "%+.1f pp (%.1f%% → %.1f%% of time)", h.deltaPoints(),
                h.baselineTotal() * 100, h.candidateTotal() * 100);
    }

    static String providerWinner(Report.ProviderRow row) {
        return String.format(Locale.ROOT, "%s, %.2f× faster", row.winner(), row.ratio());
    }

    static String providerName(Report.ProviderRow row) {
        return new dev.benchrun.model.BenchmarkKey(row.id(), row.params(), row.mode()).display(row.id());
    }

    static String variantScore(Double score) {
        return score == null ? "" : Numbers.format(score);
    }

    /** "+12.3% at #14 (2026-11-20, 0123456789)". */
    static String step(Report.Step step, Report.History history) {
        var run = history.runs().get(step.index());
        return Numbers.percent(step.change()) + " at #" + (step.index() + 1) + " (" + day(run.started())
                + (run.commit() == null ? "" : ", " + shortCommit(run.commit())) + ")";
    }

    static String steps(Report.Trend trend, Report.History history) {
        return String.join("; ", trend.steps().stream().map(s -> step(s, history)).toList());
    }

    /** The oldest and newest score of a trend, and the change between them in cost terms. */
    static String firstToLast(Report.Trend trend) {
        Double first = trend.scores().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Double last = trend.scores().get(trend.scores().size() - 1);
        if (first == null || last == null) {
            return "";
        }
        return Numbers.format(first) + " → " + Numbers.format(last);
    }

    /** The comparison's closing notes: chance, missing benchmarks, environment warnings. */
    static List<String> comparisonNotes(Report r) {
        var b = r.baseline();
        if (b == null) {
            return List.of();
        }
        var notes = new ArrayList<String>();
        notes.add(String.format(Locale.ROOT,
                "At α = %s, about %.1f of the compared benchmarks would show p < α by chance alone; the CI and the %s noise floor must agree before anything is flagged.",
                b.alpha(), b.expectedFalsePositives(), Numbers.percent(b.noiseFloor()).replace("+", "")));
        if (!b.onlyInBaseline().isEmpty()) {
            notes.add("Missing from this run: " + String.join(", ", b.onlyInBaseline()));
        }
        if (!b.onlyInCandidate().isEmpty()) {
            notes.add("Not in the baseline: " + String.join(", ", b.onlyInCandidate()));
        }
        b.warnings().forEach(w -> notes.add("Warning: " + w));
        return notes;
    }

    /** REGRESSION or WARNING: what the Regressions section lists. */
    static boolean worse(Report.Line l) {
        return l.verdict() == Verdict.REGRESSION || l.verdict() == Verdict.WARNING;
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
