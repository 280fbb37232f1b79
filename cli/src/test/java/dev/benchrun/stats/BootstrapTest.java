package dev.benchrun.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.benchrun.config.CompareSettingsLoader;
import dev.benchrun.stats.Bootstrap.RatioInterval;
import java.util.ArrayList;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties the hierarchical bootstrap must have, checked against known truths rather than its own output. */
class BootstrapTest {

    private static final long SEED = 0x5EED;
    /** The properties are checked at compare's defaults. */
    private static final int RESAMPLES = CompareSettingsLoader.DEFAULT_STATISTICS.resamples();

    private static final double CONFIDENCE = CompareSettingsLoader.DEFAULT_STATISTICS.confidence();

    private static RatioInterval interval(double[][] baseline, double[][] candidate, long seed) {
        return Bootstrap.ratioOfMeans(baseline, candidate, RESAMPLES, CONFIDENCE, seed);
    }

    @Test
    void identicalSidesGiveExactlyOne() {
        double[][] data = simulate(new SplittableRandom(1), 100, 3, 10, 0.01, 0.02);
        var ci = interval(data, data, SEED);
        assertThat(ci.estimate()).isEqualTo(1.0);
        assertThat(ci.contains(1.0)).isTrue();
        assertThat(ci.lower()).isLessThan(1.0);
        assertThat(ci.upper()).isGreaterThan(1.0);
        assertThat(ci.confidence()).isEqualTo(CONFIDENCE);
        assertThat(ci.resamples()).isEqualTo(RESAMPLES);
    }

    @Test
    void aSideScaledByThirtyPercentGivesOnePointThree() {
        double[][] baseline = simulate(new SplittableRandom(2), 100, 3, 10, 0.01, 0.02);
        double[][] candidate = scaled(baseline, 1.3);
        var ci = interval(baseline, candidate, SEED);
        assertThat(ci.estimate()).isCloseTo(1.3, within(1e-12)); // exact but for floating-point rounding
        assertThat(ci.contains(1.3)).isTrue();
        assertThat(ci.contains(1.0)).isFalse();
    }

    @Test
    void theSameSeedGivesTheSameIntervalOnAnyThread() throws Exception {
        double[][] baseline = simulate(new SplittableRandom(3), 100, 3, 10, 0.01, 0.02);
        double[][] candidate = simulate(new SplittableRandom(4), 102, 3, 10, 0.01, 0.02);
        RatioInterval expected = interval(baseline, candidate, SEED);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var results = new ArrayList<Future<RatioInterval>>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit((Callable<RatioInterval>) () -> interval(baseline, candidate, SEED)));
            }
            for (var result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(interval(baseline, candidate, SEED + 1)).isNotEqualTo(expected);
    }

    @Test
    void forkToForkVarianceWidensTheIntervalBeyondAFlatBootstrap() {
        // Each fork settles at its own level (±5%), iterations vary little (0.5%) around it: the
        // uncertainty lives between forks, which a bootstrap of the pooled iterations cannot see.
        var random = new SplittableRandom(5);
        double[][] baseline = simulate(random, 100, 3, 10, 0.05, 0.005);
        double[][] candidate = simulate(random, 100, 3, 10, 0.05, 0.005);
        var hierarchical = interval(baseline, candidate, SEED);
        var flat = interval(pooled(baseline), pooled(candidate), SEED);
        assertThat(flat.estimate()).isCloseTo(hierarchical.estimate(), within(1e-12));
        assertThat(width(hierarchical)).isGreaterThan(3 * width(flat));
    }

    /**
     * Over 200 simulated comparisons from a model with fork and iteration effects and a true ratio
     * of 1.1, the 95% interval should cover 1.1 about 95% of the time — not much less, and not
     * so much more that it has become uselessly wide.
     */
    @Test
    void ninetyFivePercentIntervalsCoverTheTrueRatio() {
        var random = new SplittableRandom(6);
        int trials = 200;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            double[][] baseline = simulate(random, 100, 10, 10, 0.01, 0.02);
            double[][] candidate = simulate(random, 110, 10, 10, 0.01, 0.02);
            if (interval(baseline, candidate, t).contains(1.1)) {
                covered++;
            }
        }
        assertThat(covered / (double) trials).isBetween(0.90, 0.99);
    }

    @Test
    void aSingleForkResamplesIterationsOnly() {
        double[][] baseline = {{10, 11, 9, 10, 12, 10, 11, 9, 10, 8}};
        double[][] candidate = {{12, 13, 11, 12, 14, 12, 13, 11, 12, 10}};
        var ci = interval(baseline, candidate, SEED);
        assertThat(ci.estimate()).isCloseTo(1.2, within(1e-12));
        assertThat(ci.lower()).isGreaterThan(1.0).isLessThan(1.2);
        assertThat(ci.upper()).isGreaterThan(1.2);
    }

    @Test
    void forksOfDifferentLengthsCountOnceEach() {
        double[][] baseline = {{10, 10}, {20, 20, 20, 20, 20, 20}};
        double[][] candidate = {{15}, {15, 15, 15}};
        var ci = interval(baseline, candidate, SEED);
        assertThat(ci.estimate()).isCloseTo(1.0, within(1e-12)); // mean of fork means: 15 / 15
        // Iterations are constant within forks, so only the fork draw matters. Drawing the 10-fork
        // twice gives a mean of 10, rescaled on the log scale to 15·(10/15)^√2; the 20-fork twice,
        // 15·(20/15)^√2; one of each, 15. So the percentile bounds of the ratio are (3/4)^√2 and
        // (3/2)^√2. The only variance is between the baseline's two fork means, pooled with the
        // candidate's (zero) over 1 + 1 degrees of freedom: the bounds' log distances from 1 are
        // stretched by t(2) / z.
        double stretch = 4.302652729749464 / 1.959963984540054;
        assertThat(ci.lower()).isCloseTo(Math.pow(0.75, Math.sqrt(2) * stretch), within(1e-9));
        assertThat(ci.upper()).isCloseTo(Math.pow(1.5, Math.sqrt(2) * stretch), within(1e-9));
    }

    /**
     * The case the small-sample corrections exist for: few forks and a fork effect half the size of
     * the iteration noise. Without them a 95% interval from 2 forks a side covered the true ratio in
     * about 88% of simulations (docs/statistics.md).
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void intervalsFromFewForksStillCoverTheTrueRatio(int forks) {
        var random = new SplittableRandom(100 + forks);
        int trials = 400;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            double[][] baseline = simulate(random, 100, forks, 5, 0.015, 0.03);
            double[][] candidate = simulate(random, 110, forks, 5, 0.015, 0.03);
            if (interval(baseline, candidate, t).contains(1.1)) {
                covered++;
            }
        }
        assertThat(covered / (double) trials).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void forksFarApartGiveAWideButPositiveAndFiniteInterval() {
        // Fork means 1 and 100: a linear stretch by √2 of a resample's deviation would cross zero.
        double[][] baseline = {{1, 1, 1}, {100, 100, 100}};
        double[][] candidate = {{50.5, 50.5, 50.5}, {50.5, 50.5, 50.5}};
        var ci = interval(baseline, candidate, SEED);
        assertThat(ci.estimate()).isCloseTo(1.0, within(1e-12));
        assertThat(ci.lower()).isPositive().isLessThan(0.5);
        assertThat(ci.upper()).isFinite().isGreaterThan(2);
    }

    @Test
    void anEighteenfoldSlowdownWithNoisyForksStillExcludesNoChange() {
        // The shape of a real throughput collapse: the candidate's forks differ by 3x.
        double[][] baseline = {{0.076, 0.075, 0.078, 0.077, 0.076}, {0.079, 0.08, 0.078, 0.079, 0.081}};
        double[][] candidate = {{0.7, 0.9, 1.1, 0.8, 0.95}, {2.1, 2.6, 1.9, 2.4, 2.2}};
        var ci = interval(baseline, candidate, SEED);
        assertThat(ci.lower()).isGreaterThan(1.5);
        assertThat(ci.contains(ci.estimate())).isTrue();
    }

    @Test
    void rejectsWhatARatioOfMeansCannotUse() {
        double[][] good = {{1, 2, 3}};
        assertThatThrownBy(() -> interval(new double[][] {{1, 0}}, good, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseline");
        assertThatThrownBy(() -> interval(good, new double[][] {{Double.NaN}}, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("candidate");
        assertThatThrownBy(() -> interval(new double[0][], good, SEED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> interval(good, new double[][] {{}}, SEED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bootstrap.ratioOfMeans(good, good, 10_000, 1.0, SEED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** forks × iterations from mean·(1 + forkCv·Z_fork)·(1 + iterationCv·Z_iteration). */
    private static double[][] simulate(
            SplittableRandom random, double mean, int forks, int iterations, double forkCv, double iterationCv) {
        return new SyntheticBenchmark(mean, forkCv, iterationCv).samples(forks, iterations, random);
    }

    private static double[][] scaled(double[][] data, double factor) {
        double[][] out = new double[data.length][];
        for (int f = 0; f < data.length; f++) {
            out[f] = data[f].clone();
            for (int i = 0; i < out[f].length; i++) {
                out[f][i] *= factor;
            }
        }
        return out;
    }

    private static double[][] pooled(double[][] data) {
        return new double[][] {
            java.util.Arrays.stream(data)
                    .flatMapToDouble(java.util.Arrays::stream)
                    .toArray()
        };
    }

    /**
     * The resampling, written out for speed (its own SplitMix64, pair tables, a path for forks of one
     * length), draws exactly what the plain description draws from {@link SplittableRandom}, and the
     * bounds are the sorted resamples' ranks: equal to the last bit, for forks of one length and of
     * several, short and long, with and without pair tables.
     */
    @ParameterizedTest
    @ValueSource(strings = {"3x10", "2x7", "5x4", "1x10", "4x1", "3x80", "10,3,7", "64,65,2", "1,1"})
    void theResamplingDrawsWhatThePlainDescriptionDraws(String shape) {
        var random = new SplittableRandom(shape.hashCode());
        double[][] side;
        if (shape.contains("x")) {
            String[] parts = shape.split("x");
            side = simulate(random, 50, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 0.02, 0.03);
        } else {
            var lengths = java.util.Arrays.stream(shape.split(","))
                    .mapToInt(Integer::parseInt)
                    .toArray();
            side = new double[lengths.length][];
            for (int f = 0; f < lengths.length; f++) {
                side[f] = simulate(random, 50, 1, lengths[f], 0.02, 0.03)[0];
            }
        }
        for (int resamples : new int[] {1, 999, 2_000, 10_000}) {
            long seed = random.nextLong();
            assertThat(Bootstrap.mean(side, resamples, CONFIDENCE, seed))
                    .as("%s, %d resamples", shape, resamples)
                    .isEqualTo(plainMeanInterval(side, resamples, CONFIDENCE, seed));
        }
    }

    /** {@link Bootstrap#mean} as its documentation describes it, with nothing made faster. */
    private static RatioInterval plainMeanInterval(double[][] side, int resamples, double confidence, long seed) {
        var random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            means[b] = plainResampledMean(side, random);
        }
        java.util.Arrays.sort(means);
        int rank = (int) Math.floor((resamples - 1) * (1 - confidence) / 2);
        int k = side.length;
        int shortest =
                java.util.Arrays.stream(side).mapToInt(f -> f.length).min().orElseThrow();
        double stretch = k > 1 ? Math.sqrt(k / (k - 1.0)) : shortest > 1 ? Math.sqrt(shortest / (shortest - 1.0)) : 1;
        double total = 0;
        for (double[] fork : side) {
            double sum = 0;
            for (double v : fork) {
                sum += v;
            }
            total += sum / fork.length;
        }
        double estimate = total / k;
        double lower = estimate * Math.pow(means[rank] / estimate, stretch);
        double upper = estimate * Math.pow(means[resamples - 1 - rank] / estimate, stretch);
        return new RatioInterval(estimate, Math.min(lower, estimate), Math.max(upper, estimate), confidence, resamples);
    }

    /**
     * One two-level resample: a fork by the upper 32 bits of one number (none with one fork), then its
     * iterations with replacement, two at a time as one of the m² ordered pairs (the upper and lower
     * halves of a number give two pairs) while forks are 2 to 64 long, singly otherwise.
     */
    private static double plainResampledMean(double[][] side, SplittableRandom random) {
        int k = side.length;
        double total = 0;
        for (int f = 0; f < k; f++) {
            double[] x = side[k == 1 ? 0 : index(random.nextLong() >>> 32, k)];
            int m = x.length;
            int remaining = m;
            double even = 0;
            double odd = 0;
            if (m >= 2 && m <= 64) {
                for (; remaining >= 4; remaining -= 4) {
                    long bits = random.nextLong();
                    int p = index(bits >>> 32, m * m);
                    int q = index(bits, m * m);
                    even += x[p / m] + x[p % m];
                    odd += x[q / m] + x[q % m];
                }
                if (remaining >= 2) {
                    int p = index(random.nextLong() >>> 32, m * m);
                    even += x[p / m] + x[p % m];
                    remaining -= 2;
                }
            }
            for (; remaining >= 2; remaining -= 2) {
                long bits = random.nextLong();
                even += x[index(bits >>> 32, m)];
                odd += x[index(bits, m)];
            }
            if (remaining == 1) {
                odd += x[index(random.nextLong() >>> 32, m)];
            }
            total += (even + odd) * (1.0 / m);
        }
        return total / k;
    }

    /** An index in [0, bound) from the low 32 bits, by multiply-and-shift. */
    private static int index(long bits, int bound) {
        return (int) (((bits & 0xFFFF_FFFFL) * bound) >>> 32);
    }

    private static double width(RatioInterval ci) {
        return ci.upper() - ci.lower();
    }
}
