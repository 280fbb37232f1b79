package dev.benchrun.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.analysis.Judge;
import dev.benchrun.analysis.ReportAssembler;
import dev.benchrun.json.Json;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Budget;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Metric;
import dev.benchrun.model.Report;
import dev.benchrun.model.RunResult;
import dev.benchrun.testing.Synthetic;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In sample mode JMH's score is the mean of all the individual samples, while compare judges the
 * iterations' means: every view shows the one estimate compare judges, and names it, so that a
 * score never sits beside a baseline and a change that were computed from another number.
 */
class SampleModeEstimateTest {

    /**
     * Two forks of a fast and a slow iteration: the fast one holds four times the samples, so JMH's
     * score, the mean of all samples, is (4 × fast + slow) / 5, well below the iteration means' mean.
     */
    private static BenchmarkResult sampled(String id, double fast, double slow, String budget) {
        double jmhScore = (4 * fast + slow) / 5;
        var metric = new Metric(
                jmhScore, jmhScore * 0.01, "us/op", List.of(List.of(fast, slow), List.of(fast, slow)), Map.of());
        return new BenchmarkResult(
                id,
                "org.example.Bench." + id,
                Map.of(),
                "sample",
                1,
                "handshake",
                budget == null ? null : Budget.parse(budget),
                null,
                metric,
                Map.of(),
                List.of());
    }

    private static RunResult run(String id, double fast, double slow) {
        return Synthetic.run(id, List.of(sampled("resume", fast, slow, "< 25us")));
    }

    private static final RunResult BASELINE = run("20261123T060000Z-aaaa", 10, 40); // iterations 25, JMH 16
    private static final RunResult CANDIDATE = run("20261123T070000Z-bbbb", 11, 44); // iterations 27.5, JMH 17.6

    private static Comparison comparison() {
        var base = new Comparison.Side("main", BASELINE.id(), null, Instant.EPOCH, null, "17");
        var cand = new Comparison.Side(CANDIDATE.id(), CANDIDATE.id(), null, Instant.EPOCH, null, "17");
        return Judge.compare(BASELINE, base, CANDIDATE, cand, Synthetic.SETTINGS);
    }

    private static Report report() {
        return ReportAssembler.assemble(
                new ReportAssembler.Sources(CANDIDATE, comparison(), Synthetic.SETTINGS, List.of(), null, 0, "runs/x"));
    }

    @Test
    void theEstimateIsTheMeanOfTheIterationMeansThatCompareCentresOn() {
        var result = CANDIDATE.benchmarks().get(0);
        var delta = comparison().benchmarks().get(0);

        assertThat(result.estimate().score()).isEqualTo(27.5);
        assertThat(result.jmhScore()).isEqualTo(17.6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(delta.candidate().estimate()).isEqualTo(result.estimate().score());
        assertThat(delta.change().estimate()).isEqualTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
        // JMH's error formula over the four iteration means: t(3, 99.9%) × sd / √n.
        double sd = Math.sqrt((2 * 16.5 * 16.5 * 2) / 3);
        assertThat(result.estimate().scoreError())
                .isEqualTo(12.924 * sd / 2, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void otherModesShowJmhsScoreAndErrorAsTheyAre() {
        var avgt = Synthetic.result(
                "x", "crypto", "avgt", new Metric(5.0, 0.3, "us/op", List.of(List.of(4.0, 6.0)), Map.of()), null);

        assertThat(avgt.estimate()).isSameAs(avgt.score());
        assertThat(avgt.jmhScore()).isNull();
        assertThat(avgt.estimateIsNotJmhScore()).isFalse();
    }

    @Test
    void theKeyResultsShowTheJudgedEstimateBesideTheBaselineAndNameIt() {
        for (var format : List.of(Format.TABLE, Format.MARKDOWN, Format.HTML)) {
            String text = format.render(report(), RenderOptions.PLAIN);
            assertThat(text)
                    .as(format.name())
                    .contains("27.50")
                    .contains("25.00")
                    .contains("+10.0%");
            assertThat(text).as(format.name()).doesNotContain("17.60").doesNotContain("16.00");
            assertThat(text)
                    .as(format.name())
                    .contains("Sample mode (resume): Score and Baseline are the mean of the iteration means");
        }
    }

    @Test
    void theBudgetIsCheckedOnTheNumberShown() {
        var line = report().run().benchmarks().get(0);

        // JMH's 17.6 would meet < 25 us; the 27.5 every view shows does not.
        assertThat(line.budgetMet()).isFalse();
        assertThat(CANDIDATE.benchmarks().get(0).budgetMet()).isFalse();
    }

    @Test
    void theReportJsonHoldsTheEstimateAsScoreAndJmhsScoreBesideIt() throws Exception {
        var json = Json.MAPPER.readTree(Format.JSON.render(report(), RenderOptions.PLAIN));
        var line = json.path("benchmarks").get(0);

        assertThat(line.path("score").asDouble()).isEqualTo(27.5);
        assertThat(line.path("jmhScore").asDouble()).isEqualTo(17.6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(json.path("comparison")
                        .path("benchmarks")
                        .get(0)
                        .path("candidate")
                        .path("estimate")
                        .asDouble())
                .isEqualTo(27.5);
    }

    @Test
    void theRunTableShowsTheEstimateAndNamesIt() {
        String table = RunTable.render(CANDIDATE, Style.PLAIN);

        assertThat(table).contains("27.50").doesNotContain("17.60");
        assertThat(table).contains("Sample mode (resume): Score is the mean of the iteration means");
    }

    @Test
    void theCompareTableNamesWhatItsSidesAre() {
        String table = Format.TABLE.render(Report.of(comparison()), RenderOptions.PLAIN);

        assertThat(table).contains("27.50").contains("25.00").doesNotContain("17.60");
        assertThat(table).contains("Sample mode (resume): Baseline and Candidate are the mean of the iteration means");
    }
}
