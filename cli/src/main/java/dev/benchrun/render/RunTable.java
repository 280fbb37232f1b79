package dev.benchrun.render;

import dev.benchrun.model.BenchmarkFailure;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Metric;
import dev.benchrun.model.NoiseSummary;
import dev.benchrun.model.RunResult;
import dev.benchrun.render.TextTable.Align;
import java.nio.file.Path;
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
            Metric score = r.estimate();
            Metric alloc = r.allocation();
            table.row(List.of(
                    r.displayName(severalModes),
                    r.category(),
                    r.mode(),
                    Numbers.format(score.score()),
                    score.scoreError() == null ? "" : "± " + Numbers.format(score.scoreError()),
                    score.unit(),
                    r.mode().equals(BenchmarkResult.SAMPLE) ? p99(score) : "",
                    alloc == null ? "" : Numbers.bytes(alloc.score()),
                    budget(r, style)));
        }
        return table.render(style)
                + sampleLegend(run)
                + notSteady(run, style)
                + failed("Failed:", run.failures(), style);
    }

    /** What a sample-mode Score is, since it is not JMH's; empty when no result is in sample mode. */
    private static String sampleLegend(RunResult run) {
        var severalModes = run.inSeveralModes();
        String legend = ReportText.sampleLegend(
                "Score",
                run.benchmarks().stream()
                        .filter(BenchmarkResult::estimateIsNotJmhScore)
                        .map(r -> r.displayName(severalModes))
                        .toList());
        return legend == null ? "" : legend + " p99 is JMH's.\n";
    }

    /** The results whose forks still trend over their measured iterations; empty when none do. */
    private static String notSteady(RunResult run, Style style) {
        var severalModes = run.inSeveralModes();
        var out = new StringBuilder();
        for (BenchmarkResult r : run.benchmarks()) {
            if (r.steadyState() != null) {
                // A stored run is read from a file: its text is shown, never sent to the terminal.
                out.append(style.warn(
                                "Warning: " + Printable.visible(r.displayName(severalModes) + ": " + r.steadyState())))
                        .append('\n');
            }
        }
        return out.isEmpty() ? "" : "\n" + out;
    }

    /** The line above the table: how quiet the machine was; empty for a run without readings. */
    public static String machine(NoiseSummary machine, Style style) {
        if (machine == null) {
            return "";
        }
        String line = "Machine: " + machine.headline();
        return (machine.noisy() ? style.warn(line) : line) + "\n";
    }

    /** The lines below the table: what made the machine noisy, then what changes what the numbers mean. */
    public static String noise(NoiseSummary machine, Style style) {
        if (machine == null) {
            return "";
        }
        var out = new StringBuilder();
        machine.warnings().forEach(w -> out.append(style.warn("Warning: " + w)).append('\n'));
        machine.notes().forEach(n -> out.append("Note: ").append(n).append('\n'));
        return out.toString();
    }

    /** An A/B session's failed forks, by side; empty when none failed. */
    public static String sessionFailures(RunResult baseline, RunResult candidate, Style style) {
        return failed("Failed on the --against side:", baseline.failures(), style)
                + failed("Failed on the candidate side:", candidate.failures(), style);
    }

    private static String failed(String heading, List<BenchmarkFailure> failures, Style style) {
        if (failures.isEmpty()) {
            return "";
        }
        var out = new StringBuilder().append('\n').append(style.bad(heading)).append('\n');
        for (BenchmarkFailure f : failures) {
            out.append("  ")
                    .append(f.displayName())
                    .append(": ")
                    .append(f.reason())
                    .append('\n');
        }
        return out.toString();
    }

    /** The line after the table: where the run is stored, or what an interrupted run kept. */
    public static String stored(RunResult run, Path runDir) {
        return (run.interrupted() ? "Interrupted; kept what finished as run " : "Stored run ") + run.id() + " in "
                + runDir + "\n";
    }

    /** Where a variant run's runs are stored, and how to compare and report them. */
    public static String storedVariants(List<String> names, List<RunResult> runs, List<Path> dirs) {
        var out = new StringBuilder("\n")
                .append(runs.get(0).interrupted() ? "Interrupted; kept what finished as" : "Stored")
                .append(" variant run ")
                .append(runs.get(0).variants().id())
                .append(": ");
        for (int v = 0; v < runs.size(); v++) {
            out.append(v == 0 ? "" : ", ")
                    .append(names.get(v))
                    .append(" as run ")
                    .append(runs.get(v).id());
        }
        out.append(" in ").append(dirs.get(0).getParent()).append('\n');
        out.append("Compare two with: benchrun compare ")
                .append(runs.get(0).id())
                .append(' ')
                .append(runs.get(1).id())
                .append("; report them with: benchrun report ")
                .append(runs.get(0).id())
                .append('\n');
        return out.toString();
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
