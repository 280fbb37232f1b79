package dev.benchrun.analysis;

import static dev.benchrun.testing.Synthetic.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.model.Calibration;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Verdict;
import dev.benchrun.testing.Synthetic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The calibration's promise, checked by simulation: runs drawn from a known model of session drift
 * and fork noise; a change of the size the calibration calls detectable is caught about 80% of the
 * time by the comparison it predicts, and the same code is flagged about α of the time.
 */
class CalibratorTest {

    private static final Comparison.Side SIDE = new Comparison.Side("s", "s", null, null, null, null);
    private static final int FORKS = 2;
    private static final int ITERATIONS = 3;

    /** One run: its session drifts by N(0, runSd), each fork by N(0, forkSd), iterations by 0.5%. */
    private static RunResult run(String id, double runSd, double forkSd, double change, SplittableRandom random) {
        double session = runSd * gaussian(random);
        var forks = new ArrayList<List<Double>>();
        for (int f = 0; f < FORKS; f++) {
            double fork = 100 * (1 + change) * Math.exp(session + forkSd * gaussian(random));
            var iterations = new ArrayList<Double>();
            for (int i = 0; i < ITERATIONS; i++) {
                iterations.add(fork * (1 + 0.005 * gaussian(random)));
            }
            forks.add(iterations);
        }
        return Synthetic.run(
                id, List.of(Synthetic.result("work", "crypto", "avgt", Synthetic.metric("ns/op", forks), null)));
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: the JDK 17 SplittableRandom has no nextGaussian.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static List<RunResult> runs(int n, double runSd, double forkSd, double change, SplittableRandom random) {
        var runs = new ArrayList<RunResult>();
        for (int i = 0; i < n; i++) {
            runs.add(run("r" + i, runSd, forkSd, change, random));
        }
        return runs;
    }

    private static Calibration calibrate(List<RunResult> runs, Double target) {
        return Calibrator.calibrate(
                runs, Map.of("org.example.Bench.work", 3.0), SETTINGS, target, 5, 15, Instant.EPOCH);
    }

    @Test
    void aChangeOfTheDetectableSizeIsCaughtAboutFourTimesInFive() {
        var random = new SplittableRandom(7);
        double runSd = 0.02;
        double forkSd = 0.03;
        var calibration = calibrate(runs(60, runSd, forkSd, 0, random), null);
        var work = calibration.benchmarks().get(0);
        assertThat(work.runSpread()).isBetween(0.012, 0.028);
        assertThat(work.forkSpread()).isBetween(0.024, 0.036);
        double detectable = work.minimalDetectableChange();

        int caught = 0;
        int falseAlarms = 0;
        int trials = 300;
        for (int t = 0; t < trials; t++) {
            var baseline = runs(5, runSd, forkSd, 0, random);
            var changed =
                    Judge.compare(baseline, SIDE, List.of(run("c", runSd, forkSd, detectable, random)), SIDE, SETTINGS);
            Verdict v = changed.benchmarks().get(0).verdict();
            if (v == Verdict.SLOWER || v == Verdict.WARNING || v == Verdict.REGRESSION) {
                caught++;
            }
            var same = Judge.compare(baseline, SIDE, List.of(run("a", runSd, forkSd, 0, random)), SIDE, SETTINGS);
            Verdict a = same.benchmarks().get(0).verdict();
            if (a != Verdict.NO_CHANGE && a != Verdict.INCONCLUSIVE) {
                falseAlarms++;
            }
        }
        assertThat(caught / (double) trials)
                .as("power at the detectable change")
                .isBetween(0.68, 0.92);
        assertThat(falseAlarms / (double) trials)
                .as("false alarms of the same code")
                .isLessThan(0.09);
    }

    @Test
    void theFloorAndTheTargetSayWhatEachPathCanReach() {
        var random = new SplittableRandom(11);
        var noisy =
                calibrate(runs(20, 0.08, 0.03, 0, random), 0.05).benchmarks().get(0);
        assertThat(noisy.stored().floor()).as("one candidate run drifts ±8%").isGreaterThan(0.05);
        assertThat(noisy.stored().reachesTarget()).isFalse();
        assertThat(noisy.stored().baselineRunsForTarget()).isNull();
        assertThat(noisy.ab().pairsForTarget())
                .as("pairs cancel the drift")
                .isNotNull()
                .isLessThan(100);
        assertThat(noisy.ab().secondsForTarget()).isEqualTo(noisy.ab().pairsForTarget() * 2 * 3.0);

        var quiet =
                calibrate(runs(20, 0.002, 0.003, 0, random), 0.05).benchmarks().get(0);
        assertThat(quiet.minimalDetectableChange())
                .as("never below the noise floor")
                .isBetween(SETTINGS.noiseFloor(), 0.02);
        assertThat(quiet.ab().minimalDetectableChange()).isEqualTo(SETTINGS.noiseFloor());
        assertThat(quiet.stored().baselineRunsForTarget()).isEqualTo(2);
        assertThat(quiet.minimalDetectableChange()).isLessThan(noisy.minimalDetectableChange());
        assertThat(quiet.target()).isEqualTo(0.05);
        assertThat(calibrate(runs(3, 0.002, 0.003, 0, random), null)
                        .benchmarks()
                        .get(0)
                        .target())
                .as("without a target, the category's warning threshold")
                .isEqualTo(0.10);
    }
}
