package dev.benchrun.stats;

import static dev.benchrun.stats.PublishedCases.ints;
import static dev.benchrun.stats.Tolerance.assertAbsolute;
import static dev.benchrun.stats.Tolerance.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.stats.MannWhitney.Alternative;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class UDistributionTest {

    /** The tables are printed to six decimals (go-moremath's udist_test.go). */
    private static final double TABLE_TOLERANCE = 1e-6;

    /** Mann &amp; Whitney (1947): P(U ≤ u) for u = 0..5 (rows) and first-sample size m = 1..n (columns). */
    @TestFactory
    Stream<DynamicTest> mannWhitneyTables() {
        var tests = new ArrayList<DynamicTest>();
        for (int n : new int[] {3, 5}) {
            JsonNode rows = PublishedCases.at("/u_distribution/no_ties_cdf/n" + n);
            for (int u = 0; u < rows.size(); u++) {
                for (int m = 1; m <= n; m++) {
                    double expected = rows.get(u).get(m - 1).asDouble();
                    int uu = u;
                    int mm = m;
                    tests.add(dynamicTest(
                            "no ties m=" + m + " n=" + n + " P(U<=" + u + ")",
                            () -> assertAbsolute("cdf", new UDistribution(mm, n).cdf(uu), expected, TABLE_TOLERANCE)));
                }
            }
        }
        return tests.stream();
    }

    /** Klotz (1966), Table 1: the null CDF with ties, at every U where it steps. */
    @TestFactory
    Stream<DynamicTest> klotzTables() {
        var tests = new ArrayList<DynamicTest>();
        for (JsonNode table : PublishedCases.at("/u_distribution/ties_cdf/tables")) {
            int n1 = table.get("n1").asInt();
            int n2 = table.get("n2").asInt();
            int[] ties = ints(table.get("tie_vector"));
            var dist = new UDistribution(n1, n2, ties);
            for (JsonNode row : table.get("rows")) {
                double u = row.get(1).asDouble();
                double cdf = row.get(2).asDouble();
                tests.add(dynamicTest(
                        "ties " + n1 + "+" + n2 + " T=" + Arrays.toString(ties) + " P(U<=" + u + ")",
                        () -> assertAbsolute("cdf", dist.cdf(u), cdf, TABLE_TOLERANCE)));
            }
        }
        return tests.stream();
    }

    /**
     * An independent check of the recurrence: list all C(n1+n2, n1) ways to split the pooled sample,
     * compute U for each with midranks, and compare the exact tail probabilities.
     */
    @TestFactory
    Stream<DynamicTest> agreesWithCompleteEnumeration() {
        var random = new SplittableRandom(20240601);
        var samples = new ArrayList<double[][]>();
        samples.add(new double[][] {{2, 1, 3, 5}, {1, 1, 1, 1, 1}});
        samples.add(new double[][] {{2, 1, 3, 5}, {2, 2, 2, 2}});
        samples.add(new double[][] {{1, 1, 2, 2, 3}, {2, 3, 3, 3, 4, 4}});
        for (int k = 0; k < 12; k++) {
            double[] x1 = random.doubles(2 + random.nextInt(6))
                    .map(v -> Math.floor(v * 4))
                    .toArray();
            double[] x2 = random.doubles(2 + random.nextInt(6))
                    .map(v -> Math.floor(v * 4))
                    .toArray();
            samples.add(new double[][] {x1, x2});
        }
        return samples.stream()
                .map(s -> dynamicTest(Arrays.toString(s[0]) + " vs " + Arrays.toString(s[1]), () -> {
                    var r = MannWhitney.test(s[0], s[1]);
                    if (r.allEqual()) {
                        assertThat(r.pValue()).isEqualTo(1.0);
                        return;
                    }
                    var all = Enumeration.of(s[0], s[1]);
                    double less = all.fractionAtMost(r.u());
                    double greater = all.fractionAtLeast(r.u());
                    assertRelative("U", r.u(), all.observedU());
                    assertRelative(
                            "p less",
                            MannWhitney.test(s[0], s[1], Alternative.LESS).pValue(),
                            less);
                    assertRelative(
                            "p greater",
                            MannWhitney.test(s[0], s[1], Alternative.GREATER).pValue(),
                            greater);
                    double mean = s[0].length * s[1].length / 2.0;
                    double twoSided = r.u() == mean ? 1 : Math.min(1, 2 * (r.u() < mean ? less : greater));
                    assertRelative("p two-sided", r.pValue(), twoSided);
                }));
    }

    @Test
    void probabilitiesAddUpAndMatchTheTails() {
        var dist = new UDistribution(4, 5, new int[] {2, 3, 1, 1, 2});
        double total = 0;
        for (double u = 0; u <= 20; u += 0.5) {
            total += dist.pmf(u);
            assertRelative("cdf + survival", dist.cdf(u) + dist.survival(u), 1 + dist.pmf(u));
        }
        assertRelative("total", total, 1);
        assertThat(dist.pmf(0.25)).isZero();
        assertThat(dist.cdf(-1)).isZero();
        assertThat(dist.survival(21)).isZero();
        assertThat(dist.cdf(20)).isEqualTo(1.0);
    }

    @Test
    void withoutTiesTheDistributionIsSymmetric() {
        var dist = new UDistribution(7, 9);
        for (int u = 0; u <= 63; u++) {
            assertRelative("P(U<=" + u + ")", dist.cdf(u), dist.survival(63 - u));
        }
    }

    /** Brute force over all splits of the pooled sample; for tests only. */
    private record Enumeration(double observedU, List<Double> allU) {

        static Enumeration of(double[] x1, double[] x2) {
            double[] pooled = new double[x1.length + x2.length];
            System.arraycopy(x1, 0, pooled, 0, x1.length);
            System.arraycopy(x2, 0, pooled, x1.length, x2.length);
            var all = new ArrayList<Double>();
            int n = pooled.length;
            for (int mask = 0; mask < 1 << n; mask++) {
                if (Integer.bitCount(mask) == x1.length) {
                    all.add(u(pooled, mask));
                }
            }
            return new Enumeration(u(pooled, (1 << x1.length) - 1), all);
        }

        /** Pairs (a in the first group, b in the second) with a > b, plus ½ per tie. */
        private static double u(double[] pooled, int firstGroup) {
            double u = 0;
            for (int i = 0; i < pooled.length; i++) {
                for (int j = 0; j < pooled.length; j++) {
                    boolean iFirst = (firstGroup & (1 << i)) != 0;
                    boolean jFirst = (firstGroup & (1 << j)) != 0;
                    if (iFirst && !jFirst) {
                        u += pooled[i] > pooled[j] ? 1 : pooled[i] == pooled[j] ? 0.5 : 0;
                    }
                }
            }
            return u;
        }

        double fractionAtMost(double u) {
            return allU.stream().filter(v -> v <= u).count() / (double) allU.size();
        }

        double fractionAtLeast(double u) {
            return allU.stream().filter(v -> v >= u).count() / (double) allU.size();
        }
    }
}
