package dev.benchrun.render;

import dev.benchrun.model.BenchmarkFailure;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Metric;
import dev.benchrun.model.RunResult;
import dev.benchrun.render.TextTable.Align;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The table {@code run} prints: each result with its score, allocation and budget. */
public final class RunTable {

    private RunTable() {}

    public static String render(RunResult run, Style style) {
        var table = new TextTable(
                List.of("Benchmark", "Category", "Mode", "Score", "Error", "Units", "p99", "B/op", "Budget"),
                List.of(
                        Align.LEFT,
                        Align.LEFT,
                        Align.LEFT,
                        Align.RIGHT,
                        Align.RIGHT,
                        Align.LEFT,
                        Align.RIGHT,
                        Align.RIGHT,
                        Align.LEFT));
        var severalModes = run.inSeveralModes();
        for (BenchmarkResult r : run.benchmarks()) {
            Metric score = r.score();
            Metric alloc = r.allocation();
            table.row(List.of(
                    r.displayName(severalModes),
                    r.category(),
                    r.mode(),
                    Numbers.format(score.score()),
                    score.scoreError() == null ? "" : "± " + Numbers.format(score.scoreError()),
                    score.unit(),
                    r.mode().equals("sample") ? p99(score) : "",
                    alloc == null ? "" : Numbers.bytes(alloc.score()),
                    budget(r, style)));
        }
        return table.render(style)
                + failed(run.failures().stream().map(f -> failure(f, "")).toList(), style);
    }

    /**
     * The forks that failed in an A/B session, on either side: the comparison shows only that its
     * benchmark stopped, so the reason is named here, as {@link #render} names a run's.
     */
    public static String failedSession(RunResult baseline, RunResult candidate, Style style) {
        var lines = new ArrayList<String>();
        baseline.failures().forEach(f -> lines.add(failure(f, " (the --against side)")));
        candidate.failures().forEach(f -> lines.add(failure(f, " (the candidate)")));
        return failed(lines, style);
    }

    private static String failure(BenchmarkFailure f, String side) {
        return f.displayName() + side + ": " + f.reason();
    }

    /** "Failed:" and a line each, after a blank line; nothing without failures. */
    private static String failed(List<String> lines, Style style) {
        if (lines.isEmpty()) {
            return "";
        }
        var out = new StringBuilder("\n").append(style.bad("Failed:")).append('\n');
        lines.forEach(l -> out.append("  ").append(l).append('\n'));
        return out.toString();
    }

    /** The line after the table: where the run is stored, or what an interrupted run kept. */
    public static String stored(RunResult run, Path runDir) {
        return (run.interrupted() ? "Interrupted; kept what finished as run " : "Stored run ") + run.id() + " in "
                + runDir + "\n";
    }

    /** Where an A/B session's two sides are stored, and how to judge them again. */
    public static String storedSession(RunResult baseline, Path baselineDir, RunResult candidate, Path candidateDir) {
        String kept = candidate.interrupted() ? "Interrupted; kept what finished as session " : "Stored session ";
        return "\n" + kept + candidate.session().id() + ": the --against side as run " + baseline.id()
                + ", the candidate as run "
                + candidate.id() + " in " + candidateDir.getParent() + "\n"
                + "Judge it again with: benchrun compare " + baseline.id() + " " + candidate.id() + "\n";
    }

    private static String p99(Metric metric) {
        Double p99 = metric.percentiles().get("99.0");
        return p99 == null ? "" : Numbers.format(p99);
    }

    /** "✓ < 50 us", "✗ < 3 us", or empty without a budget. */
    static String budget(BenchmarkResult result, Style style) {
        if (result.budget() == null) {
            return "";
        }
        Boolean met = result.budgetMet();
        if (met == null) {
            return style.warn(
                    "? " + result.budget() + " (unit " + result.score().unit() + ")");
        }
        return met ? style.good("✓ " + result.budget()) : style.bad("✗ " + result.budget());
    }
}
