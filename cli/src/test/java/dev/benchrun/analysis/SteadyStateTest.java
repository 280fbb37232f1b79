package dev.benchrun.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.stats.Trend;
import dev.benchrun.testing.Synthetic;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which forks count as still trending, and what the warning says of them. */
class SteadyStateTest {

    @Test
    void aForkThatKeepsGettingSlowerIsFlaggedWithItsSize() {
        // 100, 101, … 109 us/op: Theil–Sen slope 1 per iteration, drift 9 over a median of 104.5,
        // i.e. 8.6%; in order, so the exact two-sided p is 2 / 10!, below 0.001.
        var r = result("avgt", "us/op", List.of(ramp(100, 1, 10)));

        assertThat(SteadyState.warning(r))
                .hasValue("its fork still trends over its measured iterations (slower: score rises 8.6% from first to"
                        + " last; Mann–Kendall p < 0.001): warm up longer (manifest minWarmup)");
    }

    @Test
    void countsTheTrendingForksAndCorrectsForHowManyWereTested() {
        // Two forks climb by 1% of their start an iteration, one is flat noise. Holm over three
        // forks: the climbing ones have raw p = 2 / 10! each, far below 0.01 / 3. The larger
        // drift: 200 → 218 over a median of 209 is 8.6% (the other: 18.9 over 219.45, also 8.6%).
        var r = result("avgt", "ns/op", List.of(ramp(200, 2, 10), noisy(200, 0.005, 10, 7), ramp(210, 2.1, 10)));

        var warning = SteadyState.warning(r);

        assertThat(warning).isPresent();
        assertThat(warning.get())
                .startsWith("2 of 3 forks still trend over their measured iterations (slower: score rises 8.6%")
                .contains("Mann–Kendall p < 0.001, Holm over 3 forks");
    }

    @Test
    void aFlatNoisyForkIsSteady() {
        var forks = IntStream.range(0, 5)
                .mapToObj(i -> noisy(50, 0.03, 20, 100 + i))
                .toList();

        assertThat(SteadyState.warning(result("avgt", "us/op", forks))).isEmpty();
    }

    @Test
    void aStepChangeHalfwayIsATrend() {
        // Five iterations at 10, then five at 12 (each with a little noise): the JIT's second tier
        // arriving mid-measurement. 25 of the 45 pairs straddle the step, with slopes 2/k for a
        // gap of k; their median makes a drift far above 2% of the median of 11.
        var fork = List.of(10.01, 9.98, 10.02, 9.99, 10.0, 12.01, 11.98, 12.02, 11.99, 12.03);

        var warning = SteadyState.warning(result("avgt", "us/op", List.of(fork)));

        assertThat(warning).isPresent();
        assertThat(warning.get()).contains("slower: score rises");
    }

    @Test
    void aSignificantButTinyDriftIsNotWorthAWarning() {
        // In order, so p is tiny, but 1000 → 1009 is under 1% over the fork.
        var r = result("avgt", "ns/op", List.of(ramp(1000, 1, 10)));

        assertThat(SteadyState.warning(r)).isEmpty();
    }

    @Test
    void fewerThanFiveIterationsSayNothing() {
        var r = result("avgt", "us/op", List.of(ramp(100, 10, 4), ramp(100, 10, 4)));

        assertThat(SteadyState.warning(r)).isEmpty();
    }

    @Test
    void forThroughputARisingScoreIsFaster() {
        var r = result("thrpt", "ops/s", List.of(ramp(1000, 20, 10)));

        assertThat(SteadyState.warning(r))
                .hasValueSatisfying(w -> assertThat(w).contains("(faster: score rises 16.5% from first to last"));
        var falling = result("thrpt", "ops/s", List.of(ramp(1200, -20, 10)));
        assertThat(SteadyState.warning(falling))
                .hasValueSatisfying(w -> assertThat(w).contains("(slower: score falls"));
    }

    @Test
    void assessedSetsTheWarningOnTheResultsThatTrend() {
        var trending = result("avgt", "us/op", List.of(ramp(100, 1, 10)));
        var steady = result("avgt", "us/op", List.of(noisy(100, 0.01, 10, 3)));

        var assessed = SteadyState.assessed(List.of(trending, steady));

        assertThat(assessed.get(0).steadyState()).startsWith("its fork still trends");
        assertThat(assessed.get(1).steadyState()).isNull();
    }

    private static BenchmarkResult result(String mode, String unit, List<List<Double>> forks) {
        return Synthetic.result("bench", "crypto", mode, Synthetic.metric(unit, forks), null);
    }

    private static List<Double> ramp(double start, double step, int n) {
        return IntStream.range(0, n).mapToObj(i -> start + step * i).toList();
    }

    private static List<Double> noisy(double mean, double cv, int n, long seed) {
        var random = new SplittableRandom(seed);
        return IntStream.range(0, n)
                .mapToObj(i -> mean * (1 + cv * (random.nextDouble() * 2 - 1)))
                .toList();
    }

    @Test
    void shortForksThatAllTrendTheSameWayAreFlaggedTogether() {
        var forks = List.of(
                List.of(10.0, 10.4, 10.9, 11.3, 11.8),
                List.of(10.1, 10.5, 10.8, 11.4, 11.7),
                List.of(9.9, 10.3, 10.8, 11.2, 11.9));
        assertThat(Trend.of(new double[] {10.0, 10.4, 10.9, 11.3, 11.8}).pValue())
                .as("five values in order: 2/5! × 2 = 0.017 alone")
                .isCloseTo(2.0 / 120, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(SteadyState.warning(result("avgt", "us/op", forks)))
                .hasValueSatisfying(w -> assertThat(w)
                        .startsWith("its 3 forks trend together over their measured iterations (slower: score rises 1")
                        .contains("Mann–Kendall p < 0.001 over the forks together"));
    }

    @Test
    void shortForksTrendingOppositeWaysAreNotATrendTogether() {
        var forks = List.of(
                List.of(10.0, 10.4, 10.9, 11.3, 11.8),
                List.of(11.8, 11.3, 10.9, 10.4, 10.0),
                List.of(10.1, 10.5, 10.8, 11.4, 11.7),
                List.of(11.7, 11.4, 10.8, 10.5, 10.1));
        assertThat(SteadyState.warning(result("avgt", "us/op", forks))).isEmpty();
    }

    @Test
    void ofSteadyBenchmarksWithShortForksAtMostTwiceAlphaAreFlagged() {
        var random = new SplittableRandom(12);
        int flagged = 0;
        int benchmarks = 2000;
        for (int b = 0; b < benchmarks; b++) {
            var forks = IntStream.range(0, 3)
                    .mapToObj(f -> IntStream.range(0, 5)
                            .mapToObj(i -> 100 * (1 + 0.03 * random.nextGaussian()))
                            .toList())
                    .toList();
            if (SteadyState.warning(result("avgt", "us/op", forks)).isPresent()) {
                flagged++;
            }
        }
        assertThat(flagged).as("false alarms of %d", benchmarks).isLessThanOrEqualTo((int)
                (benchmarks * 2 * SteadyState.ALPHA));
    }
}
