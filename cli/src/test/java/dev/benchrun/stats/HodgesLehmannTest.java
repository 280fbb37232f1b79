package dev.benchrun.stats;

import static dev.benchrun.stats.Tolerance.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.benchrun.stats.SignedRank.Zeros;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class HodgesLehmannTest {

    /** Stephenson's worked example: estimate 28, the 7th to the 39th Walsh average, 24 to 31.5. */
    @TestFactory
    Stream<DynamicTest> publishedCases() {
        return PairedCases.cases("/hodges_lehmann")
                .map(c -> dynamicTest(c.get("id").asText(), () -> {
                    double[] x = PublishedCases.numbers(c.get("x"));
                    var interval = HodgesLehmann.of(x, c.get("confidence").asDouble());
                    assertThat(interval.estimate()).isEqualTo(c.get("estimate").asDouble());
                    assertThat(interval.lower()).isEqualTo(c.get("lower").asDouble());
                    assertThat(interval.upper()).isEqualTo(c.get("upper").asDouble());
                    // The notes compute 1 − 2 × 0.027 from a table rounded to three decimals.
                    Tolerance.assertAbsolute(
                            "achieved confidence",
                            interval.achievedConfidence(),
                            c.get("achieved_confidence").asDouble(),
                            c.get("achieved_tolerance").asDouble());
                }));
    }

    @Test
    void theIntervalMovesWithTheData() {
        // Shifting every difference shifts estimate and bounds by the same amount.
        double[] x = PublishedCases.numbers(PairedCases.at("/hodges_lehmann/0/x"));
        double[] shifted = Arrays.stream(x).map(v -> v - 27).toArray();
        var interval = HodgesLehmann.of(shifted, 0.945);
        assertThat(interval.estimate()).isEqualTo(1.0);
        assertThat(interval.lower()).isEqualTo(-3.0);
        assertThat(interval.upper()).isEqualTo(4.5);
        // At 95% the discrete distribution gives the next wider interval, 96.1%: 1 − 2·10/512.
        var wider = HodgesLehmann.of(shifted);
        assertThat(wider.lower()).isEqualTo(-3.5);
        assertThat(wider.upper()).isEqualTo(5.0);
        assertThat(wider.achievedConfidence()).isEqualTo(1 - 20 / 512.0);
    }

    /**
     * Without ties the interval is the textbook one, [W(c), W(M+1−c)] with c the smallest w such
     * that P(W+ ≤ w) ≥ α/2 (R's qsignrank rule), and its confidence 1 − 2·P(W+ ≤ c − 1).
     */
    @TestFactory
    Stream<DynamicTest> withoutTiesItIsTheTextbookInterval() {
        var random = new SplittableRandom(42);
        var tests = new ArrayList<DynamicTest>();
        for (int k = 0; k < 30; k++) {
            int n = 6 + random.nextInt(35);
            double[] d = random.doubles(n, -0.05, 0.08).toArray();
            double confidence = new double[] {0.9, 0.95, 0.99}[k % 3];
            tests.add(dynamicTest(n + " pairs at " + confidence, () -> {
                double[] walsh = HodgesLehmann.walshAverages(d);
                var dist = SignedRankDistribution.withoutTies(n);
                int c = 0;
                while (dist.cdf(c) < (1 - confidence) / 2) {
                    c++;
                }
                var interval = HodgesLehmann.of(d, confidence);
                int m = walsh.length;
                assertThat(interval.lower()).isEqualTo(walsh[c - 1]);
                assertThat(interval.upper()).isEqualTo(walsh[m - c]);
                assertThat(interval.achievedConfidence()).isEqualTo(1 - 2 * dist.cdf(c - 1));
                assertThat(interval.achievedConfidence()).isGreaterThanOrEqualTo(confidence);
                double median = m % 2 == 1 ? walsh[m / 2] : (walsh[m / 2 - 1] + walsh[m / 2]) / 2;
                assertThat(interval.estimate()).isEqualTo(median);
            }));
        }
        return tests.stream();
    }

    /**
     * With ties and zeros, the interval is the hull of the shifts the exact test does not reject:
     * checked against complete enumeration of the test of d − θ at a point inside every gap
     * between Walsh averages (the data are on a grid, so those points are exact).
     */
    @TestFactory
    Stream<DynamicTest> isTheSetOfShiftsTheTestAccepts() {
        return SignedRankDistributionTest.tiedSamples(40, 5150)
                .map(d -> dynamicTest(Arrays.toString(d), () -> {
                    double confidence = d.length < 7 ? 0.8 : 0.95;
                    double alpha = 1 - confidence;
                    double[] steps = Arrays.stream(HodgesLehmann.walshAverages(d))
                            .distinct()
                            .toArray();
                    double lower = Double.NaN;
                    double upper = Double.NaN;
                    for (int gap = 0; gap <= steps.length; gap++) {
                        double theta = gap == 0
                                ? steps[0] - 1
                                : gap == steps.length ? steps[gap - 1] + 1 : (steps[gap - 1] + steps[gap]) / 2;
                        double[] shifted = Arrays.stream(d).map(v -> v - theta).toArray();
                        if (SignRankEnumeration.of(shifted, Zeros.PRATT).twoSided() >= alpha) {
                            double from = gap == 0 ? Double.NEGATIVE_INFINITY : steps[gap - 1];
                            double to = gap == steps.length ? Double.POSITIVE_INFINITY : steps[gap];
                            lower = Double.isNaN(lower) ? from : lower;
                            upper = to;
                        }
                    }
                    var interval = HodgesLehmann.of(d, confidence);
                    assertThat(interval.lower()).isEqualTo(lower);
                    assertThat(interval.upper()).isEqualTo(upper);
                    assertThat(interval.achievedConfidence()).isGreaterThanOrEqualTo(confidence);
                }));
    }

    @Test
    void excludesZeroExactlyWhenTheTestRejects() {
        var random = new SplittableRandom(11);
        for (int k = 0; k < 200; k++) {
            int n = 6 + random.nextInt(20);
            double shift = random.nextDouble(-0.02, 0.02);
            double[] d = random.doubles(n, -0.03, 0.03).map(v -> v + shift).toArray();
            var interval = HodgesLehmann.of(d);
            double p = SignedRank.test(d).pValue();
            assertThat(!interval.contains(0)).as(Arrays.toString(d)).isEqualTo(p < 0.05);
        }
    }

    @Test
    void fivePairsCannotBoundTheChangeAtNinetyFivePercent() {
        var interval = HodgesLehmann.of(new double[] {0.10, 0.11, 0.12, 0.13, 0.14});
        assertThat(interval.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(interval.upper()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(interval.achievedConfidence()).isEqualTo(1.0);
        assertThat(interval.estimate()).isEqualTo(0.12);
        var six = HodgesLehmann.of(new double[] {0.10, 0.11, 0.12, 0.13, 0.14, 0.15});
        assertThat(six.lower()).isEqualTo(0.10);
        assertThat(six.upper()).isEqualTo(0.15);
    }

    @Test
    void reportsTheChangeAsAFraction() {
        double tenPercent = Math.log(1.1);
        var interval =
                HodgesLehmann.of(new double[] {tenPercent, tenPercent, tenPercent, tenPercent, tenPercent, tenPercent});
        assertThat(interval.estimate()).isEqualTo(tenPercent);
        assertRelative("change", interval.change(), 0.1);
        assertRelative("lower", interval.lowerChange(), 0.1);
        assertRelative("upper", interval.upperChange(), 0.1);
        assertThat(interval.pairs()).isEqualTo(6);
    }

    @Test
    void manyPairsUseTheNormalApproximation() {
        var random = new SplittableRandom(8);
        double[] d = random.doubles(200, -0.01, 0.03)
                .map(v -> Math.rint(v * 1000) / 1000)
                .toArray();
        var interval = HodgesLehmann.of(d);
        assertThat(interval.achievedConfidence()).isEqualTo(0.95);
        assertThat(interval.lower()).isLessThan(interval.estimate());
        assertThat(interval.upper()).isGreaterThan(interval.estimate());
        // The bounds are where the approximate test turns: just inside accepts, just outside rejects.
        double inside = Math.nextUp(interval.lower());
        double outside = Math.nextDown(interval.lower());
        assertThat(SignedRank.test(Arrays.stream(d).map(v -> v - inside).toArray())
                        .pValue())
                .isGreaterThanOrEqualTo(0.05);
        assertThat(SignedRank.test(Arrays.stream(d).map(v -> v - outside).toArray())
                        .pValue())
                .isLessThan(0.05);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> HodgesLehmann.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HodgesLehmann.of(new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HodgesLehmann.of(new double[] {1, 2}, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
