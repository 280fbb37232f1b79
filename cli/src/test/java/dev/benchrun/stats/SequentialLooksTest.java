package dev.benchrun.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SequentialLooksTest {

    private static final SequentialLooks LOOKS = SequentialLooks.every(6, 2, 30, 0.05);

    @Test
    void theLooksSpendAlphaInFullAndNoMore() {
        assertThat(LOOKS.pairs()).containsExactly(6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        double total =
                IntStream.range(0, LOOKS.size()).mapToDouble(LOOKS::alphaAt).sum();
        assertThat(total).isCloseTo(0.05, within(1e-15));
        // Pocock-type spending: α·ln(1 + (e − 1)·0.2) at the first look.
        assertThat(LOOKS.alphaAt(0)).isCloseTo(0.05 * Math.log(1 + (Math.E - 1) * 0.2), within(1e-15));
        assertThat(IntStream.range(0, LOOKS.size()).mapToDouble(LOOKS::alphaAt)).allMatch(a -> a > 0);
        assertThat(LOOKS.lookAt(12)).isEqualTo(3);
        assertThat(LOOKS.lookAt(13)).isEqualTo(-1);
        assertThat(SequentialLooks.every(8, 4, 18, 0.05).pairs()).containsExactly(8, 12, 16, 18);
    }

    @Test
    void looksMustIncreaseAndAlphaMustBeAProbability() {
        assertThatThrownBy(() -> new SequentialLooks(List.of(8, 8), 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SequentialLooks(List.of(8), 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SequentialLooks.every(0, 2, 10, 0.05)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * 10,000 simulated A/A sessions (log ratios drawn from one distribution on both sides), each
     * tested with the exact signed-rank test at every look until one rejects: the share of sessions
     * flagged stays at α, where testing every look at α flags far more. Heavy-tailed draws (a
     * JIT-sensitive benchmark's forks) as well as normal ones.
     */
    @Test
    void repeatedLooksKeepTheFalseAlarmRateOfAnAaSessionAtAlpha() {
        int sessions = 10_000;
        for (boolean heavyTailed : new boolean[] {false, true}) {
            var random = new SplittableRandom(heavyTailed ? 17 : 5);
            int spending = 0;
            int naive = 0;
            for (int s = 0; s < sessions; s++) {
                double[] d = new double[LOOKS.maxPairs()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = heavyTailed ? standardCauchy(random) : gaussian(random);
                }
                boolean flaggedBySpending = false;
                boolean flaggedNaively = false;
                for (int look = 0; look < LOOKS.size(); look++) {
                    double p = SignedRank.test(
                                    java.util.Arrays.copyOf(d, LOOKS.pairs().get(look)))
                            .pValue();
                    flaggedBySpending |= p < LOOKS.alphaAt(look);
                    flaggedNaively |= p < 0.05;
                }
                spending += flaggedBySpending ? 1 : 0;
                naive += flaggedNaively ? 1 : 0;
            }
            double rate = spending / (double) sessions;
            double standardError = Math.sqrt(0.05 * 0.95 / sessions);
            assertThat(rate).as("spending, heavy-tailed " + heavyTailed).isLessThan(0.05 + 3 * standardError);
            assertThat(naive / (double) sessions)
                    .as("every look at α, heavy-tailed " + heavyTailed)
                    .isGreaterThan(0.10);
        }
    }

    @Test
    void aComparisonHasTakenThePlannedLooksBelowItsPairsAndItsLastPairCappedAtTheMost() {
        assertThat(LOOKS.taken(8)).containsExactly(6, 8);
        assertThat(LOOKS.taken(9)).as("a look off the plan: the time ran out").containsExactly(6, 8, 9);
        assertThat(LOOKS.taken(3)).containsExactly(3);
        assertThat(LOOKS.taken(30)).containsExactly(6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        assertThat(LOOKS.taken(40))
                .as("more pairs than the schedule's end are judged at its end, once")
                .containsExactly(6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        assertThatThrownBy(() -> LOOKS.taken(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSequentialPValueIsTheSmallestPOverItsLooksShareOfAlphaWhateverAlpha() {
        var looks = new SequentialLooks(List.of(9, 12), 0.01);
        // Pocock-type spending: α(t) = α·ln(1 + (e − 1)·t), so the share of look 9 of 12 is ln(1 + (e − 1)·¾).
        double share9 = Math.log(1 + (Math.E - 1) * 0.75);
        double share10 = Math.log(1 + (Math.E - 1) * 10 / 12.0) - share9;
        double share12 = 1 - share9;
        assertThat(looks.alphaAt(0) / 0.01).isCloseTo(share9, within(1e-15));
        assertThat(looks.alphaAt(1) / 0.01).isCloseTo(share12, within(1e-15));

        java.util.function.IntToDoubleFunction p = n -> switch (n) {
            case 9 -> 0.004;
            case 10 -> 0.003;
            case 12 -> 0.0008;
            default -> throw new AssertionError("no look at " + n);
        };
        assertThat(looks.sequentialPValue(List.of(9, 12), p))
                .isCloseTo(Math.min(0.004 / share9, 0.0008 / share12), within(1e-15))
                .isCloseTo(0.0008 / share12, within(1e-15));
        assertThat(looks.sequentialPValue(looks.taken(10), p))
                .isCloseTo(Math.min(0.004 / share9, 0.003 / share10), within(1e-15))
                .isCloseTo(0.004 / share9, within(1e-15));
        assertThat(looks.sequentialPValue(List.of(9), n -> 0.9))
                .as("never above 1")
                .isEqualTo(1.0);
        for (double alpha : new double[] {0.001, 0.05, 0.2}) {
            var other = new SequentialLooks(List.of(9, 12), alpha);
            assertThat(other.sequentialPValue(List.of(9, 12), p))
                    .as("α cancels: α = " + alpha)
                    .isCloseTo(looks.sequentialPValue(List.of(9, 12), p), within(1e-15));
        }
    }

    @Test
    void theEarliestFirstLookIsTheFirstAtWhichTheTestCanRejectAtItsShare() {
        // 9 pairs: 2/2⁹ = 0.0039 < 0.01·ln(1 + (e − 1)·9/12) = 0.0083; 8 pairs: 2/2⁸ = 0.0078 > 0.0076.
        assertThat(SequentialLooks.earliest(12, 3, 0.01).pairs()).containsExactly(9, 12);
        assertThat(SequentialLooks.earliest(12, 3, 0.01).alpha()).isEqualTo(0.01);
        int first = IntStream.range(1, 12)
                .filter(n -> 2 / Math.pow(2, n) < 0.05 * Math.log(1 + (Math.E - 1) * n / 12.0))
                .findFirst()
                .orElseThrow();
        assertThat(first)
                .as("2/2⁶ = 0.03125 just misses 0.05·ln(1 + (e − 1)/2) = 0.03100")
                .isEqualTo(7);
        assertThat(SequentialLooks.earliest(12, 3, 0.05).pairs()).containsExactly(7, 10, 12);
        assertThat(SequentialLooks.earliest(4, 3, 0.01).pairs())
                .as("no look before the end can ever reject: one look, at the end")
                .containsExactly(4);
    }

    /**
     * 10,000 simulated A/A sessions per case, judged as a session judges them: at each look of the
     * default schedule (α = 0.01, looks at 9 and 12 of 12 pairs) and of a long one (α = 0.05, 13
     * looks), the sequential p over the looks taken so far, stopping at the first below α. The share
     * of sessions flagged stays within α + 3·√(α(1 − α)/N), three binomial standard errors above α
     * (+0.3 points at α = 0.01, +0.65 at 0.05), so a rate truly above α cannot pass on a lucky seed.
     * Differences ~ N(0, 1), and a bimodal, symmetric case (a JIT that takes one of two code shapes).
     * With these seeds: 0.80% and 0.73% for the default schedule, 1.14% and 1.34% for the long one,
     * whose union bound is loose.
     */
    @Test
    void sessionsStoppingAtTheFirstSignificantSequentialPFlagAaAtMostAlpha() {
        int sessions = 10_000;
        for (var looks : List.of(SequentialLooks.earliest(12, 3, 0.01), LOOKS)) {
            for (boolean bimodal : new boolean[] {false, true}) {
                var random = new java.util.Random(bimodal ? 2013 : 1983);
                int flagged = 0;
                for (int s = 0; s < sessions; s++) {
                    double[] d = new double[looks.maxPairs()];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = bimodal
                                ? (random.nextBoolean() ? 1 : -1) + 0.2 * random.nextGaussian()
                                : random.nextGaussian();
                    }
                    // Each look's p once: the sequential p at look k needs those of looks 1…k again.
                    double[] p = new double[looks.maxPairs() + 1];
                    java.util.Arrays.fill(p, Double.NaN);
                    java.util.function.IntToDoubleFunction pAt = m -> Double.isNaN(p[m])
                            ? (p[m] = SignedRank.test(java.util.Arrays.copyOf(d, m))
                                    .pValue())
                            : p[m];
                    for (int n : looks.pairs()) {
                        double sequential = looks.sequentialPValue(looks.taken(n), pAt);
                        if (sequential < looks.alpha()) {
                            flagged++;
                            break;
                        }
                    }
                }
                double alpha = looks.alpha();
                double margin = 3 * Math.sqrt(alpha * (1 - alpha) / sessions);
                assertThat(flagged / (double) sessions)
                        .as("looks " + looks.pairs() + ", bimodal " + bimodal)
                        .isLessThanOrEqualTo(alpha + margin);
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double standardCauchy(SplittableRandom random) {
        return Math.tan(Math.PI * (random.nextDouble() - 0.5));
    }
}
