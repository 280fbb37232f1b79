package dev.benchrun.stats;

import static dev.benchrun.stats.PairedCases.assertPublished;
import static dev.benchrun.stats.PairedCases.differences;
import static dev.benchrun.stats.Tolerance.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.stats.SignedRank.Alternative;
import dev.benchrun.stats.SignedRank.Method;
import dev.benchrun.stats.SignedRank.Zeros;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SignedRankTest {

    private static final Map<String, Alternative> ALTERNATIVES =
            Map.of("p_two_sided", Alternative.TWO_SIDED, "p_greater", Alternative.GREATER, "p_less", Alternative.LESS);

    /** R, coin, exactRankTests and textbook values for the exact test, with and without ties and zeros. */
    @TestFactory
    Stream<DynamicTest> publishedExactCases() {
        return PairedCases.cases("/signed_rank_exact").flatMap(c -> published(c, Method.EXACT));
    }

    /** R's normal approximation, with its tie and continuity corrections, on small and 50-pair samples. */
    @TestFactory
    Stream<DynamicTest> publishedNormalApproximations() {
        return PairedCases.cases("/signed_rank_normal").flatMap(c -> published(c, Method.NORMAL));
    }

    private static Stream<DynamicTest> published(JsonNode c, Method method) {
        String id = c.get("id").asText();
        double[] d = differences(c);
        var zeros = Zeros.valueOf(c.get("zeros").asText());
        var tests = new ArrayList<DynamicTest>();
        if (c.has("V")) {
            tests.add(dynamicTest(
                    id + ": V",
                    () -> assertThat(SignedRank.test(d, Alternative.TWO_SIDED, zeros, method)
                                    .statistic())
                            .isEqualTo(c.get("V").asDouble())));
        }
        ALTERNATIVES.forEach((field, alternative) -> {
            if (c.has(field)) {
                tests.add(dynamicTest(id + ": " + field, () -> {
                    var r = SignedRank.test(d, alternative, zeros, method);
                    assertThat(r.method()).isEqualTo(method);
                    assertPublished(id + " " + field, r.pValue(), c.get(field).asDouble(), c, "digits");
                }));
            }
        });
        return tests.stream();
    }

    @Test
    void theExactMethodIsChosenUpToFiftyPairs() {
        var c = PairedCases.at("/signed_rank_exact/6"); // coin's 50 pairs with ties and zeros
        var r = SignedRank.test(differences(c));
        assertThat(r.pairs()).isEqualTo(50);
        assertThat(r.method()).isEqualTo(Method.EXACT);
        assertThat(r.zeroHandling()).isEqualTo(Zeros.PRATT);
        assertThat(r.zeros()).isEqualTo(13);
        assertPublished("coin", r.pValue(), c.get("p_two_sided").asDouble(), c, "digits");
        double[] more = Arrays.copyOf(differences(c), 51);
        more[50] = 1;
        assertThat(SignedRank.test(more).method()).isEqualTo(Method.NORMAL);
    }

    /**
     * The exact p-values against all 2^m sign patterns for random data full of ties and zeros,
     * seeded: both zero conventions, all three alternatives.
     */
    @TestFactory
    Stream<DynamicTest> agreesWithCompleteEnumeration() {
        return SignedRankDistributionTest.tiedSamples(60, 20240612)
                .flatMap(d -> Stream.of(Zeros.values())
                        .map(zeros -> dynamicTest(zeros + " " + Arrays.toString(d), () -> {
                            var all = SignRankEnumeration.of(d, zeros);
                            var two = SignedRank.test(d, Alternative.TWO_SIDED, zeros);
                            assertThat(two.statistic()).isEqualTo(all.observed());
                            assertRelative("two-sided", two.pValue(), all.twoSided());
                            assertRelative(
                                    "greater",
                                    SignedRank.test(d, Alternative.GREATER, zeros)
                                            .pValue(),
                                    all.fractionAtLeast(all.observed()));
                            assertRelative(
                                    "less",
                                    SignedRank.test(d, Alternative.LESS, zeros).pValue(),
                                    all.fractionAtMost(all.observed()));
                        })));
    }

    /**
     * Why Pratt's convention: W+ − E[W+] counts the Walsh averages above 0 (plus half of those at
     * 0) over all n pairs — the quantity the Hodges–Lehmann interval inverts.
     */
    @Test
    void prattsStatisticCountsWalshAverages() {
        SignedRankDistributionTest.tiedSamples(40, 3).forEach(d -> {
            var ranks = SignedRank.SignedRanks.of(d, Zeros.PRATT);
            double mean = Arrays.stream(ranks.doubled()).sum() / 4.0;
            double above = 0;
            for (double a : HodgesLehmann.walshAverages(d)) {
                above += a > 0 ? 1 : a == 0 ? 0.5 : 0;
            }
            int n = d.length;
            assertThat(ranks.statistic() - mean).as(Arrays.toString(d)).isEqualTo(above - n * (n + 1) / 4.0);
        });
    }

    @Test
    void allZeroLeavesNothingToTest() {
        for (var zeros : Zeros.values()) {
            var r = SignedRank.test(new double[] {0, 0, -0.0, 0}, Alternative.TWO_SIDED, zeros);
            assertThat(r.allZero()).isTrue();
            assertThat(r.pValue()).isEqualTo(1.0);
            assertThat(r.zeros()).isEqualTo(4);
        }
        assertThat(SignedRank.test(new double[] {0, 0, 0.1}).allZero()).isFalse();
    }

    @Test
    void zerosUnderPrattRaiseTheRanksOfTheRest() {
        // Ranks with the zero: 0 → 1 (no sign), 0.1 → 2, 0.2 → 3; W+ = 5. Dropped: 1 + 2 = 3.
        double[] d = {0.2, 0, 0.1};
        assertThat(SignedRank.test(d, Alternative.GREATER, Zeros.PRATT).statistic())
                .isEqualTo(5.0);
        assertThat(SignedRank.test(d, Alternative.GREATER, Zeros.DROP).statistic())
                .isEqualTo(3.0);
        // Either way the only pattern as extreme is both positive: 1 in 4.
        assertThat(SignedRank.test(d, Alternative.GREATER, Zeros.PRATT).pValue())
                .isEqualTo(0.25);
    }

    @Test
    void fivePairsCanNeverBeSignificantAtFivePercentButSixCan() {
        assertThat(SignedRank.minimumPValue(5)).isEqualTo(0.0625);
        assertThat(SignedRank.minimumPValue(6)).isEqualTo(0.03125);
        assertThat(SignedRank.minimumPValue(1)).isEqualTo(1.0);
        assertThat(SignedRank.pairsToDetect(0.05)).isEqualTo(SampleRequirement.atLeast(6));
        assertThat(SignedRank.pairsToDetect(0.01)).isEqualTo(SampleRequirement.atLeast(8)); // 2/256
        // p < α is the rule, so α = 2/2^6 exactly needs one pair more
        assertThat(SignedRank.pairsToDetect(0.03125)).isEqualTo(SampleRequirement.atLeast(7));
        assertThat(SignedRank.pairsToDetect(1e-300)).isEqualTo(SampleRequirement.moreThan(SignedRank.EXACT_LIMIT));
    }

    @Test
    void theMinimumIsWhatPairsThatAllMovedTheSameWayGet() {
        for (int n = 1; n <= 60; n++) {
            double[] d = new double[n];
            Arrays.setAll(d, i -> 0.01 * (i + 1));
            assertRelative(n + " pairs", SignedRank.test(d).pValue(), SignedRank.minimumPValue(n));
            if (n <= SignedRank.EXACT_LIMIT) { // a tie cannot make the exact one smaller
                d[0] = d[1 % n];
                assertThat(SignedRank.test(d).pValue()).isGreaterThanOrEqualTo(SignedRank.minimumPValue(n));
            }
        }
    }

    @Test
    void rejectsEmptyAndNonFiniteDifferences() {
        assertThatThrownBy(() -> SignedRank.test(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedRank.test(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedRank.test(new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedRank.pairsToDetect(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedRank.minimumPValue(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRandomDataCoversTiesAndZeros() {
        // Guards the enumeration test above against a generator that stopped producing hard cases.
        long withZeros = SignedRankDistributionTest.tiedSamples(60, 20240612)
                .filter(d -> Arrays.stream(d).anyMatch(v -> v == 0))
                .count();
        long withTies = SignedRankDistributionTest.tiedSamples(60, 20240612)
                .filter(d -> Arrays.stream(d).map(Math::abs).distinct().count() < d.length)
                .count();
        assertThat(withZeros).isGreaterThan(20);
        assertThat(withTies).isGreaterThan(30);
    }
}
