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

class SignedRankDistributionTest {

    /** Wilcoxon's table as Stephenson's notes quote it (Table G): P(W+ ≤ 6) = 0.027 for 9 pairs. */
    @Test
    void matchesThePublishedTable() {
        var table = PairedCases.at("/hodges_lehmann/0/table");
        var dist = SignedRankDistribution.withoutTies(table.get("n").asInt());
        PairedCases.assertPublished(
                "P(W+ <= 6)",
                dist.cdf(table.get("w").asDouble()),
                table.get("cdf").asDouble(),
                table,
                "digits");
    }

    @Test
    void withoutTiesTheTailsAreCountsOfSubsets() {
        // Subsets of {1..9} with sum <= 5: {}, {1}, {2}, {3}, {1,2}, {4}, {1,3}, {5}, {1,4}, {2,3}.
        var dist = SignedRankDistribution.withoutTies(9);
        assertThat(dist.cdf(5)).isEqualTo(10 / 512.0);
        assertThat(dist.survival(40)).isEqualTo(10 / 512.0);
        assertThat(dist.pmf(0)).isEqualTo(1 / 512.0);
        assertThat(dist.maximum()).isEqualTo(45.0);
        assertThat(dist.twoSidedSize(0.05)).isEqualTo(20 / 512.0);
    }

    /** Random tie patterns (from data with ties and zeros): the probabilities add up and mirror. */
    @TestFactory
    Stream<DynamicTest> sumsToOneAndIsSymmetric() {
        return tiedSamples(30, 20240611)
                .map(d -> dynamicTest(Arrays.toString(d), () -> {
                    var ranks = SignedRank.SignedRanks.of(d, Zeros.PRATT);
                    var dist = new SignedRankDistribution(ranks.doubled());
                    double total = 0;
                    for (double w = 0; w <= dist.maximum(); w += 0.5) {
                        total += dist.pmf(w);
                        assertThat(dist.pmf(w)).as("P(W+ = %s)", w).isEqualTo(dist.pmf(dist.maximum() - w));
                        assertRelative("cdf + survival", dist.cdf(w) + dist.survival(w), 1 + dist.pmf(w));
                    }
                    assertRelative("total", total, 1);
                    assertThat(dist.mean()).isEqualTo(dist.maximum() / 2);
                }));
    }

    /** The counted distribution against all 2^m sign patterns, value by value. */
    @TestFactory
    Stream<DynamicTest> agreesWithCompleteEnumeration() {
        return tiedSamples(25, 7)
                .map(d -> dynamicTest(Arrays.toString(d), () -> {
                    var dist = new SignedRankDistribution(
                            SignedRank.SignedRanks.of(d, Zeros.PRATT).doubled());
                    var all = SignRankEnumeration.of(d, Zeros.PRATT);
                    for (double w = -0.5; w <= dist.maximum() + 0.5; w += 0.5) {
                        double ww = w;
                        double expected =
                                Arrays.stream(all.all()).filter(v -> v == ww).count() / (double) all.all().length;
                        assertThat(dist.pmf(w)).as("P(W+ = %s)", w).isEqualTo(expected);
                        assertThat(dist.cdf(w)).as("P(W+ <= %s)", w).isEqualTo(all.fractionAtMost(w));
                    }
                }));
    }

    @Test
    void theSizeNeverExceedsAlpha() {
        tiedSamples(30, 99).forEach(d -> {
            var dist = new SignedRankDistribution(
                    SignedRank.SignedRanks.of(d, Zeros.PRATT).doubled());
            for (double alpha : new double[] {0.01, 0.05, 0.1, 0.5}) {
                double size = dist.twoSidedSize(alpha);
                assertThat(size).isLessThanOrEqualTo(alpha);
                // and it is the null probability of the values the test rejects
                double rejected = 0;
                for (double w = 0; w <= dist.maximum(); w += 0.5) {
                    rejected += dist.twoSidedP(w) < alpha ? dist.pmf(w) : 0;
                }
                assertRelative("size at " + alpha, size + 1, rejected + 1);
            }
        });
    }

    @Test
    void rejectsWhatItCannotCount() {
        assertThatThrownBy(() -> new SignedRankDistribution(new int[63])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignedRankDistribution(new int[] {2, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Differences on a coarse grid, so that ties and zeros are common; at most 12 of them. */
    static Stream<double[]> tiedSamples(int count, long seed) {
        var random = new SplittableRandom(seed);
        var samples = new ArrayList<double[]>();
        for (int k = 0; k < count; k++) {
            samples.add(
                    random.ints(1 + random.nextInt(12), -4, 5).asDoubleStream().toArray());
        }
        return samples.stream();
    }
}
