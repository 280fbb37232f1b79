package dev.benchrun.render;

import dev.benchrun.model.RunPlan;
import dev.benchrun.render.TextTable.Align;
import java.util.List;
import java.util.stream.Collectors;

/** What {@code run --dry-run} prints: the plan and its estimated wall time. */
public final class PlanTable {

    private PlanTable() {}

    public static String render(RunPlan plan, Style style) {
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
        var s = plan.settings();
        var out = new StringBuilder();
        out.append("Plan: ")
                .append(plan.combinations())
                .append(" benchmark runs, profile ")
                .append(s.profile())
                .append(", forks on ")
                .append(plan.jvm().path())
                .append(" (Java ")
                .append(plan.jvm().version())
                .append(")\n\n");
        out.append(table.render(style));
        out.append("\nEstimated wall time: ")
                .append(style.bold(ProgressDisplay.duration(plan.estimate())))
                .append('\n');
        plan.notes().forEach(n -> out.append("Note: ").append(n).append('\n'));
        return out.toString();
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
