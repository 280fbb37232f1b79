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

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double standardCauchy(SplittableRandom random) {
        return Math.tan(Math.PI * (random.nextDouble() - 0.5));
    }
}
