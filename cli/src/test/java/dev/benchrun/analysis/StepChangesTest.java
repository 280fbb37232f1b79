package dev.benchrun.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.benchrun.model.Report;
import dev.benchrun.testing.Synthetic;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StepChangesTest {

    /** 20 runs of 2 forks × 5 samples with 1% noise around the level each run is given. */
    private static List<Report.Step> steps(IntToDoubleFunction level, boolean higherIsBetter) {
        var samples = new ArrayList<double[]>();
        for (int i = 0; i < 20; i++) {
            samples.add(Synthetic.samples(level.applyAsDouble(i), 0.01, 2, 5, i).stream()
                    .flatMap(List::stream)
                    .mapToDouble(Double::doubleValue)
                    .toArray());
        }
        var ids = IntStream.range(0, 20).mapToObj(i -> "run" + i).toList();
        return StepChanges.find(samples, ids, higherIsBetter, 0.05, 0.05);
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
    void runsWithoutTheBenchmarkAreSkippedAndSingleSamplesUseTheMedianRuleAlone() {
        var samples = new ArrayList<double[]>();
        for (int i = 0; i < 8; i++) {
            samples.add(i == 2 ? null : new double[] {i < 5 ? 50.0 : 80.0});
        }
        var steps = StepChanges.find(
                samples, IntStream.range(0, 8).mapToObj(i -> "r" + i).toList(), false, 0.1, 0.05);
        assertThat(steps).singleElement().satisfies(s -> {
            assertThat(s.index()).isEqualTo(5);
            assertThat(s.pValue())
                    .as("one sample a side can never reach p < 0.05")
                    .isNull();
            assertThat(s.before()).isEqualTo(50.0);
            assertThat(s.after()).isEqualTo(80.0);
        });
    }
}
