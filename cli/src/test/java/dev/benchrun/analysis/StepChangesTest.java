package dev.benchrun.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Report;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Unit;
import dev.benchrun.model.Verdict;
import dev.benchrun.testing.Synthetic;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StepChangesTest {

    /** 20 runs of 2 forks × 5 samples with 1% noise around the level each run is given. */
    private static List<Report.Step> steps(IntToDoubleFunction level, boolean higherIsBetter) {
        String unit = higherIsBetter ? "ops/s" : "us/op";
        var results = new ArrayList<BenchmarkResult>();
        for (int i = 0; i < 20; i++) {
            results.add(result(unit, Synthetic.samples(level.applyAsDouble(i), 0.01, 2, 5, i)));
        }
        var ids = IntStream.range(0, 20).mapToObj(i -> "run" + i).toList();
        return StepChanges.find(results, ids, Unit.parse(unit), 0.05, Synthetic.SETTINGS);
    }

    private static BenchmarkResult result(String unit, List<List<Double>> forks) {
        return Synthetic.result(
                "b", "other", unit.equals("ops/s") ? "thrpt" : "avgt", Synthetic.metric(unit, forks), null);
    }

    private static Comparison.Side side(RunResult run) {
        return new Comparison.Side(run.id(), run.id(), null, run.started(), null, null);
    }

    /** compare's verdict on two runs, and the steps a history of just those two shows. */
    private static void sameAnswer(List<List<Double>> before, List<List<Double>> after, boolean stepExpected) {
        var first = Synthetic.run("r0", List.of(result("us/op", before)));
        var second = Synthetic.run("r1", List.of(result("us/op", after)));
        var verdict = Judge.compare(first, side(first), second, side(second), Synthetic.SETTINGS)
                .benchmarks()
                .get(0)
                .verdict();
        var steps = StepChanges.find(
                List.of(first.benchmarks().get(0), second.benchmarks().get(0)),
                List.of("r0", "r1"),
                Unit.parse("us/op"),
                0.05,
                Synthetic.SETTINGS);
        assertThat(verdict == Verdict.NO_CHANGE).as("compare says ~").isEqualTo(!stepExpected);
        assertThat(steps).as("history's steps beside compare's " + verdict).hasSize(stepExpected ? 1 : 0);
    }

    @Test
    void twoRunsThatCompareCallsUnchangedShowNoStepHoweverFarTheirMediansLie() {
        // One fork of three iterations a side: +91% in the medians, but too few samples for p < α.
        sameAnswer(List.of(List.of(10.0, 10.5, 30.0)), List.of(List.of(19.1, 19.5, 9.0)), false);
        // Two wide forks: the medians differ by 23%, the U test cannot tell them apart.
        sameAnswer(
                List.of(List.of(100.0, 60.0, 140.0, 90.0, 120.0), List.of(80.0, 150.0, 70.0, 110.0, 130.0)),
                List.of(List.of(77.0, 140.0, 50.0, 95.0, 65.0), List.of(60.0, 160.0, 75.0, 55.0, 100.0)),
                false);
    }

    @Test
    void aStepThatCompareFlagsIsShownBetweenTwoRuns() {
        sameAnswer(Synthetic.samples(100, 0.01, 2, 5, 1), Synthetic.samples(130, 0.01, 2, 5, 2), true);
    }

    @Test
    void aLastingStepIsFoundOnceWhereItHappens() {
        var steps = steps(i -> i < 13 ? 100 : 130, false);
        assertThat(steps).singleElement().satisfies(s -> {
            assertThat(s.index()).isEqualTo(13);
            assertThat(s.runId()).isEqualTo("run13");
            assertThat(s.change()).isCloseTo(0.30, within(0.02));
            assertThat(s.pValue()).isLessThan(0.05);
        });
    }

    @Test
    void aSingleOutlyingRunIsNotAStep() {
        assertThat(steps(i -> i == 7 ? 160 : 100, false)).isEmpty();
    }

    @Test
    void aLevelSeriesAndASlowDriftHaveNoSteps() {
        assertThat(steps(i -> 100, false)).isEmpty();
        assertThat(steps(i -> 100 * (1 + 0.01 * i), false)).isEmpty();
    }

    @Test
    void lowerThroughputIsAStepForTheWorse() {
        var steps = steps(i -> i < 10 ? 10_000 : 7_000, true);
        assertThat(steps).singleElement().satisfies(s -> {
            assertThat(s.index()).isEqualTo(10);
            assertThat(s.change()).isCloseTo(10_000.0 / 7_000 - 1, within(0.03));
        });
    }

    @Test
    void twoStepsInOppositeDirectionsAreBothFound() {
        assertThat(steps(i -> i >= 5 && i < 12 ? 140 : 100, false))
                .extracting(Report.Step::index)
                .containsExactly(5, 12);
    }

    @Test
    void runsWithoutTheBenchmarkAreSkippedAndSingleSamplesAreNeverSteps() {
        var results = new ArrayList<BenchmarkResult>();
        for (int i = 0; i < 8; i++) {
            results.add(i == 2 ? null : result("us/op", List.of(List.of(i < 5 ? 50.0 : 80.0))));
        }
        var ids = IntStream.range(0, 8).mapToObj(i -> "r" + i).toList();
        assertThat(StepChanges.find(results, ids, Unit.parse("us/op"), 0.1, Synthetic.SETTINGS))
                .as("one sample a side can never reach p < 0.05, so compare never flags it")
                .isEmpty();
        var many = new ArrayList<BenchmarkResult>();
        for (int i = 0; i < 8; i++) {
            many.add(i == 2 ? null : result("us/op", Synthetic.samples(i < 5 ? 50.0 : 80.0, 0.01, 2, 5, i)));
        }
        assertThat(StepChanges.find(many, ids, Unit.parse("us/op"), 0.1, Synthetic.SETTINGS))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.index()).isEqualTo(5);
                    assertThat(s.pValue()).isLessThan(0.05);
                    assertThat(s.before()).isCloseTo(50.0, within(1.0));
                    assertThat(s.after()).isCloseTo(80.0, within(1.5));
                });
    }
}
