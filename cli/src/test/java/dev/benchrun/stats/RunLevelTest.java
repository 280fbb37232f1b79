package dev.benchrun.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The run-level model against published analyses. */
class RunLevelTest {

    /**
     * Student's sleep data (Cushny and Peebles 1905, Student 1908), as in R's {@code ?t.test}:
     * {@code t.test(extra ~ group, data = sleep, var.equal = TRUE)} gives t = −1.8608, df = 18,
     * p = 0.07919, 95% CI of group 1 − group 2 [−3.363874, 0.203874]. With one fork a run and ten runs
     * a side, the model is exactly that test.
     */
    @Test
    void oneForkARunIsStudentsTwoSampleTest() {
        double[] group1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
        double[] group2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
        var d = RunLevel.of(runsOfOne(group1), runsOfOne(group2));
        assertThat(d.estimate()).isCloseTo(1.58, within(1e-12));
        assertThat(d.estimate() / d.standardError()).isCloseTo(1.8608, within(1e-4));
        assertThat(d.degreesOfFreedom()).isEqualTo(18.0);
        assertThat(d.pValue()).isCloseTo(0.07919, within(1e-5));
        double[] ci = d.interval(0.95);
        assertThat(ci[0]).isCloseTo(-0.203874, within(1e-6));
        assertThat(ci[1]).isCloseTo(3.363874, within(1e-6));
        assertThat(d.forkVariance()).isNaN();
    }

    /**
     * Montgomery, <i>Design and Analysis of Experiments</i>, example 13.1 (the looms): four looms,
     * four observations each; MS_treatments = 29.73, MS_E = 1.90, so σ²_τ = (29.73 − 1.90) / 4 = 6.96
     * and σ² = 1.90. As runs of four forks, the looms' spread is the drift between runs.
     */
    @Test
    void theVarianceComponentsAreThoseOfTheRandomEffectsModel() {
        double[][] looms = {{98, 97, 99, 96}, {91, 90, 93, 92}, {96, 95, 97, 95}, {95, 96, 99, 98}};
        double[][] candidate = {{95.4375}}; // one fork: adds no degrees of freedom to either variance
        var d = RunLevel.of(looms, candidate);
        assertThat(d.forkVariance()).isCloseTo(1.90, within(0.005));
        assertThat(d.runVariance()).isCloseTo(6.96, within(0.005));
        assertThat(d.estimate()).isCloseTo(0, within(1e-12));
        // One more loom's mean, from four: σ²_τ + σ²/1 (its one observation) beside the mean of four
        // looms, (σ²_τ + σ²/4) / 4 — a prediction interval.
        double expected = Math.sqrt(6.958 + 1.896 + (6.958 + 1.896 / 4) / 4);
        assertThat(d.standardError()).isCloseTo(expected, within(0.005));
    }

    @Test
    void runsThatAgreeAsCloselyAsTheirForksShowNoDrift() {
        // Run means 10.0, 10.1, 9.9: closer together than forks 1 apart would put them.
        double[][] base = {{9.5, 10.5}, {9.6, 10.6}, {9.4, 10.4}};
        var d = RunLevel.of(base, new double[][] {{9.5, 10.5}});
        assertThat(d.runVariance()).isZero();
        // Then only the forks count: s²_w = 0.5, over 3 runs of 2 and 1 of 2.
        assertThat(d.standardError()).isCloseTo(Math.sqrt(0.5 / 6 + 0.5 / 2), within(1e-12));
        assertThat(d.degreesOfFreedom()).isEqualTo(4.0);
    }

    @Test
    void aSmallerSpreadDetectsASmallerChange() {
        double[][] quiet = {{1.00, 1.01}, {1.01, 1.00}, {0.99, 1.00}};
        double[][] noisy = {{1.00, 1.10}, {1.10, 0.95}, {0.90, 1.05}};
        var q = RunLevel.of(quiet, new double[][] {{1.0, 1.0}});
        var n = RunLevel.of(noisy, new double[][] {{1.0, 1.0}});
        assertThat(q.smallestDetectable(0.05, 0.8)).isLessThan(n.smallestDetectable(0.05, 0.8));
        assertThat(q.smallestDetectable(0.05, 0.8)).isGreaterThan(q.interval(0.95)[1] - q.estimate());
    }

    private static double[][] runsOfOne(double[] values) {
        double[][] runs = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            runs[i] = new double[] {values[i]};
        }
        return runs;
    }
}
