package dev.benchrun.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two percentile bounds are the values a sort puts at their ranks, whatever the values and their order. */
class TailsTest {

    /** The bounds a sort gives: ranks r and n − 1 − r of the sorted values. */
    private static Tails.Bounds sorted(double[] values, int rank) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return new Tails.Bounds(copy[rank], copy[copy.length - 1 - rank]);
    }

    private static void assertBoundsAsSorted(double[] values, int rank) {
        var expected = sorted(values, rank);
        assertThat(Tails.of(values.clone(), rank))
                .as("n=%d rank=%d", values.length, rank)
                .isEqualTo(expected);
        assertThat(Tails.selected(values.clone(), rank)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 999, 1023, 1024, 2000, 9999, 10_000, 10_001, 40_000})
    void randomValuesGiveTheSortedRanks(int n) {
        var random = new SplittableRandom(n);
        for (int trial = 0; trial < 20; trial++) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = 1 + 0.02 * random.nextGaussian();
            }
            // compare's ranks at 95% and 99%, the extremes, the middle and one at random.
            for (int rank : new int[] {
                (int) Math.floor((n - 1) * 0.025),
                (int) Math.floor((n - 1) * 0.005),
                0,
                (n - 1) / 2,
                random.nextInt((n - 1) / 2 + 1)
            }) {
                assertBoundsAsSorted(values, rank);
            }
        }
    }

    @Test
    void tiesInfinitiesAndZerosAreRankedAsASortRanksThem() {
        var random = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1024 + random.nextInt(20_000);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                double v = Math.round(random.nextGaussian() * 4) / 4.0 + 3; // a dozen distinct values
                values[i] = random.nextInt(100) == 0 ? Double.POSITIVE_INFINITY : Math.max(0, v);
            }
            assertBoundsAsSorted(values, (int) Math.floor((n - 1) * 0.025));
            assertBoundsAsSorted(values, random.nextInt((n - 1) / 2 + 1));
        }
    }

    @Test
    void valuesInAnOrderTheStrideMisreadsStillGiveTheSortedRanks() {
        int n = 10_000;
        double[] ascending = new double[n];
        for (int i = 0; i < n; i++) {
            ascending[i] = i;
        }
        double[] descending = new double[n];
        for (int i = 0; i < n; i++) {
            descending[i] = n - i;
        }
        // Every 39th value (the stride for 256 samples of 10,000) large: the sample sees only those.
        double[] striped = new double[n];
        for (int i = 0; i < n; i++) {
            striped[i] = i % (n / 256) == 0 ? 1e6 + i : i;
        }
        double[] allEqual = new double[n];
        Arrays.fill(allEqual, 2.5);
        for (double[] values : new double[][] {ascending, descending, striped, allEqual}) {
            assertBoundsAsSorted(values, 249);
            assertBoundsAsSorted(values, 0);
            assertBoundsAsSorted(values, (n - 1) / 2);
        }
    }

    @Test
    void aRankOutsideTheLowerHalfIsRefused() {
        assertThatThrownBy(() -> Tails.of(new double[10], 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tails.of(new double[10], -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
