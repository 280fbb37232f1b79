package dev.benchrun.render;

import dev.benchrun.model.RunPlan;
import dev.benchrun.model.SessionPlan;
import dev.benchrun.render.TextTable.Align;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** What {@code run --dry-run} prints: the plan and its estimated wall time. */
public final class PlanTable {

    private PlanTable() {}

    public static String render(RunPlan plan, Style style) {
        var out = new StringBuilder();
        out.append("Plan: ")
                .append(count(plan))
                .append(", ")
                .append(settings(plan))
                .append("\n\n");
        out.append(items(plan, style));
        out.append("\nEstimated wall time: ")
                .append(style.bold(ProgressDisplay.duration(plan.estimate())))
                .append('\n');
        plan.notes().forEach(n -> out.append("Note: ").append(n).append('\n'));
        return out.toString();
    }

    /**
     * What {@code run --profile A,B --dry-run} prints: each variant's plan under its name, the
     * whole run's estimate, and the notes once.
     */
    public static String render(
            List<String> names, List<RunPlan> plans, Duration estimate, List<String> notes, Style style) {
        var out = new StringBuilder();
        out.append("Plan: ")
                .append(plans.size())
                .append(" variants of the selection, ")
                .append(plans.stream().mapToInt(RunPlan::combinations).sum())
                .append(" benchmark runs in all; one fork of each variant in turn, benchmark by benchmark\n");
        for (int v = 0; v < plans.size(); v++) {
            out.append("\nVariant ")
                    .append(style.bold(names.get(v)))
                    .append(": ")
                    .append(count(plans.get(v)))
                    .append(", ")
                    .append(settings(plans.get(v)))
                    .append("\n\n");
            out.append(items(plans.get(v), style));
        }
        out.append("\nEstimated wall time: ")
                .append(style.bold(ProgressDisplay.duration(estimate)))
                .append(" (each fork is a JMH invocation of its own)\n");
        notes.forEach(n -> out.append("Note: ").append(n).append('\n'));
        return out.toString();
    }

    /** "5 benchmarks (6 benchmark runs)": as the progress counts a plan, and what it produces. */
    private static String count(RunPlan plan) {
        return count(plan.items().size(), plan.combinations());
    }

    /**
     * "5 benchmarks (6 benchmark runs)", or "2 benchmarks" where each runs once: the benchmarks are
     * what the progress counter counts ({@code [1/5]}), each one JMH invocation; the benchmark runs
     * are the results they produce, each param combination in each mode.
     */
    public static String count(int benchmarks, int benchmarkRuns) {
        String text = benchmarks + (benchmarks == 1 ? " benchmark" : " benchmarks");
        return benchmarkRuns == benchmarks
                ? text
                : text + " (" + benchmarkRuns + (benchmarkRuns == 1 ? " benchmark run)" : " benchmark runs)");
    }

    /** "profile g1, forks on /usr/bin/java (Java 21.0.5)". */
    private static String settings(RunPlan plan) {
        return "profile " + plan.settings().profile() + ", forks on "
                + plan.jvm().path() + " (Java " + plan.jvm().version() + ")";
    }

    private static String items(RunPlan plan, Style style) {
        var table = new TextTable(
                List.of("Benchmark", "Category", "Modes", "Params", "Runs", "Forks", "Iterations", "Estimate"),
                List.of(
                        Align.LEFT,
                        Align.LEFT,
                        Align.LEFT,
                        Align.LEFT,
                        Align.RIGHT,
                        Align.RIGHT,
                        Align.LEFT,
                        Align.RIGHT));
        for (var item : plan.items()) {
            table.row(List.of(
                    item.id(),
                    item.category(),
                    String.join(",", item.modes()),
                    params(item),
                    String.valueOf(item.runs()),
                    String.valueOf(item.forks()),
                    item.warmupIterations() + "×" + seconds(item.warmupSeconds()) + " + " + item.measurementIterations()
                            + "×" + seconds(item.measurementSeconds()),
                    ProgressDisplay.duration(item.estimate())));
        }
        return table.render(style);
    }

    /** What {@code run --against --dry-run} prints: both sides, the benchmarks as pairs, the time range. */
    public static String render(SessionPlan plan, Style style) {
        var table = new TextTable(
                List.of("Benchmark", "Category", "Pairs", "Fork", "Per pair", "Estimate"),
                List.of(Align.LEFT, Align.LEFT, Align.RIGHT, Align.LEFT, Align.RIGHT, Align.RIGHT));
        String pairs = plan.minPairs() + "–" + plan.maxPairs();
        for (var unit : plan.units()) {
            var item = unit.candidate();
            table.row(List.of(
                    unit.name(),
                    item.category(),
                    pairs,
                    item.warmupIterations() + "×" + seconds(item.warmupSeconds()) + " + " + item.measurementIterations()
                            + "×" + seconds(item.measurementSeconds()),
                    ProgressDisplay.duration(unit.perPair()),
                    ProgressDisplay.duration(unit.perPair().multipliedBy(plan.minPairs())) + "–"
                            + ProgressDisplay.duration(unit.perPair().multipliedBy(plan.maxPairs()))));
        }
        var out = new StringBuilder();
        out.append("Plan: A/B session of ")
                .append(plan.units().size())
                .append(" benchmark")
                .append(plan.units().size() == 1 ? "" : "s")
                .append(", profile ")
                .append(plan.candidate().settings().profile())
                .append(
                        plan.duet() == null
                                ? ", pairs of forks in " + plan.order() + " order; "
                                : ", the two forks of a pair at once on CPUs "
                                        + plan.duet().first() + " and "
                                        + plan.duet().second() + " (duet), swapping from pair to pair; ")
                .append(
                        plan.checks().isEmpty()
                                ? ""
                                : "a benchmark may stop as unchanged at "
                                        + plan.checks().stream()
                                                .map(String::valueOf)
                                                .collect(Collectors.joining(", "))
                                        + " pairs, ")
                .append("α is spent at ")
                .append(plan.looks().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .append('\n');
        out.append("  baseline (--against): ").append(side(plan.baseline())).append('\n');
        out.append("  candidate:            ").append(side(plan.candidate())).append("\n\n");
        out.append(table.render(style));
        out.append("\nEstimated wall time: ")
                .append(style.bold(
                        ProgressDisplay.duration(plan.shortest()) + " to " + ProgressDisplay.duration(plan.longest())))
                .append(plan.maxTime() == null ? "" : " (--max-time " + ProgressDisplay.duration(plan.maxTime()) + ")")
                .append('\n');
        plan.notes().forEach(n -> out.append("Note: ").append(n).append('\n'));
        return out.toString();
    }

    /** "suites.jar on /usr/lib/jvm/…/java (Java 17.0.9), -XX:+UseZGC". */
    private static String side(RunPlan plan) {
        var s = plan.settings();
        return s.jar() + " on " + plan.jvm().path() + " (Java " + plan.jvm().version() + ")"
                + (s.jvmArgs().isEmpty() ? "" : ", " + String.join(" ", s.jvmArgs()));
    }

    private static String params(RunPlan.Item item) {
        return item.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String seconds(double s) {
        return s >= 1 && s == Math.rint(s) ? (long) s + "s" : Math.round(s * 1000) + "ms";
    }
}
