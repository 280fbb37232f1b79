package dev.benchrun.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.analysis.ReportAssembler;
import dev.benchrun.analysis.SteadyState;
import dev.benchrun.json.Json;
import dev.benchrun.model.RunResult;
import dev.benchrun.testing.Synthetic;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The steady-state warning the engine puts on a result, in the run table and in a report's notes. */
class SteadyStateShownTest {

    private static final String WARNING = "its fork still trends over its measured iterations (slower: score"
            + " rises 8.6% from first to last; Mann–Kendall p < 0.001): warm up longer (manifest minWarmup)";

    /** "grow" climbs 100 → 109 us/op in its one fork; "flat" alternates 100, 101. */
    private static RunResult run() {
        var grow = Synthetic.result(
                "grow",
                "datapath",
                "avgt",
                Synthetic.metric(
                        "us/op",
                        List.of(IntStream.range(0, 10).mapToObj(i -> 100.0 + i).toList())),
                null);
        var flat = Synthetic.result(
                "flat",
                "datapath",
                "avgt",
                Synthetic.metric(
                        "us/op",
                        List.of(IntStream.range(0, 10)
                                .mapToObj(i -> 100.0 + i % 2)
                                .toList())),
                null);
        return Synthetic.run("20261123T061500Z-3fa2", SteadyState.assessed(List.of(grow, flat)));
    }

    @Test
    void theRunTableWarnsUnderTheTableOfTheResultThatTrends() {
        String table = RunTable.render(run(), Style.PLAIN);

        assertThat(table).contains("\n\nWarning: grow: " + WARNING + "\n");
        assertThat(table).doesNotContain("Warning: flat");
    }

    @Test
    void aWarningReadFromAFileCannotReachTheTerminal() {
        var run = run();
        var forged = Synthetic.run(run.id(), List.of(run.benchmarks().get(0).withSteadyState("trends\u001b[2J\nFAKE")));

        assertThat(RunTable.render(forged, Style.PLAIN))
                .contains("Warning: grow: trends\\x1b[2J\\nFAKE")
                .doesNotContain("\u001b");
        var report = ReportAssembler.assemble(
                new ReportAssembler.Sources(forged, null, Synthetic.SETTINGS, List.of(), null, 0, "."));
        assertThat(Format.TABLE.render(report, RenderOptions.PLAIN)).doesNotContain("\u001b");
    }

    @Test
    void aSteadyRunHasNoWarningLine() {
        var run = run();
        var steady = Synthetic.run(run.id(), List.of(run.benchmarks().get(1)));

        assertThat(RunTable.render(steady, Style.PLAIN)).doesNotContain("Warning");
    }

    @Test
    void aReportListsItInItsNotesAndItsJson() throws Exception {
        var report = ReportAssembler.assemble(
                new ReportAssembler.Sources(run(), null, Synthetic.SETTINGS, List.of(), null, 0, "."));

        assertThat(Format.MARKDOWN.render(report, RenderOptions.PLAIN))
                .contains("### Notes")
                .contains("- Not steady: grow: its fork still trends over its measured iterations");
        assertThat(Format.TABLE.render(report, RenderOptions.PLAIN)).contains("Not steady: grow: " + WARNING);
        var json = Json.MAPPER.readTree(Format.JSON.render(report, RenderOptions.PLAIN));
        assertThat(json.at("/benchmarks").findValuesAsText("steadyState")).containsExactly(WARNING);
    }
}
