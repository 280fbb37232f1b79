package dev.benchrun.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run's header and its counter count the same thing. */
class ProgressDisplayTest {

    private static RunPlan.Item item(String id, int combinations, List<String> modes) {
        return new RunPlan.Item(
                id,
                "org.example.B." + id,
                "other",
                modes,
                Map.of(),
                combinations,
                1,
                1,
                "1s",
                1,
                1,
                "1s",
                1,
                Duration.ofSeconds(3));
    }

    @Test
    void theHeaderNamesTheBenchmarksTheCounterCountsAndTheRunsTheyMake() {
        // Five methods, one of them in two modes: six results.
        var items = List.of(
                item("a", 1, List.of("avgt", "thrpt")),
                item("b", 1, List.of("avgt")),
                item("c", 1, List.of("avgt")),
                item("d", 1, List.of("avgt")),
                item("e", 1, List.of("avgt")));
        var text = new StringWriter();
        var display = new ProgressDisplay(new PrintWriter(text), false, false, Style.PLAIN);

        display.starting(new RunProgress.Start(5, 6, Duration.ofSeconds(15), "quick", null, List.of()));
        display.finished(
                items.get(0),
                List.of(),
                List.of(),
                new RunProgress.State(0.2, Duration.ofSeconds(3), Duration.ofSeconds(12), "a", 1, items.size()));

        assertThat(text.toString().lines().toList())
                .containsExactly(
                        "Running 5 benchmarks (6 benchmark runs) with profile quick; estimated 15s",
                        "✓ [1/5] a: 0 results  (20%, 3s elapsed, ETA 12s)");
    }

    @Test
    void theDryRunPlanCountsTheSameWay() {
        var plan = new RunPlan(
                dev.benchrun.testing.Fixtures.settings(),
                null,
                List.of(item("a", 2, List.of("avgt", "thrpt")), item("b", 1, List.of("avgt"))),
                List.of(),
                null);
        assertThat(PlanTable.count(plan.items().size(), plan.combinations()))
                .isEqualTo("2 benchmarks (5 benchmark runs)");
        assertThat(PlanTable.count(2, 2)).isEqualTo("2 benchmarks");
        assertThat(PlanTable.count(1, 1)).isEqualTo("1 benchmark");
    }
}
