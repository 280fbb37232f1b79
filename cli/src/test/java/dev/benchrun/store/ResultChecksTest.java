package dev.benchrun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.BenchrunException;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Metric;
import dev.benchrun.testing.Synthetic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The samples the statistics can use, checked once for runs, baselines and JMH files alike. */
class ResultChecksTest {

    private static final String WHERE = "f.json: benchmark 'enc' (avgt): ";

    private static BenchmarkResult result(String unit, List<List<Double>> forks, Metric alloc) {
        return Synthetic.result("enc", "datapath", "avgt", new Metric(1, null, unit, forks, Map.of()), alloc);
    }

    private static String refusal(BenchmarkResult result) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(
                BenchrunException.class, () -> ResultChecks.checked(List.of(result), "f.json"));
        assertThat(thrown).as("refused").isNotNull();
        return thrown.getMessage();
    }

    @Test
    void goodSamplesPass() {
        var good = result("us/op", List.of(List.of(1.0, 1.1), List.of(0.9, 1.0)), null);
        assertThat(ResultChecks.checked(List.of(good), "f.json")).containsExactly(good);
    }

    @Test
    void negativeSamplesAreRefused() {
        assertThat(refusal(result("us/op", List.of(List.of(1.0, -1.0)), null)))
                .isEqualTo(WHERE + "primary metric: fork 1, iteration 2 is negative (-1.0 us/op)");
    }

    @Test
    void nanAndInfiniteSamplesAreRefused() {
        assertThat(refusal(result("us/op", List.of(List.of(Double.NaN)), null)))
                .isEqualTo(WHERE + "primary metric: fork 1, iteration 1 is NaN: not a measurement");
        assertThat(refusal(result("us/op", List.of(List.of(1.0), List.of(Double.POSITIVE_INFINITY)), null)))
                .startsWith(WHERE + "primary metric: fork 2, iteration 1 is Infinity us/op: outside the range");
    }

    @Test
    void valuesWhoseSumWouldOverflowAreRefused() {
        assertThat(refusal(result("ns/op", List.of(List.of(1e308, 1e308)), null)))
                .isEqualTo(WHERE + "primary metric: fork 1, iteration 1 is 1.0E308 ns/op: "
                        + "outside the range a measurement can have (1.0E-150 to 1.0E150)");
        assertThat(refusal(result("ops/s", List.of(List.of(1e-320, 1.0)), null)))
                .contains("fork 1, iteration 1 is 1.0E-320 ops/s: outside the range");
    }

    @Test
    void aMetricWithoutSamplesOrWithAnEmptyForkIsRefused() {
        assertThat(refusal(result("us/op", List.of(), null)))
                .isEqualTo(WHERE + "primary metric has no samples (JMH's rawData): nothing to compare");
        assertThat(refusal(result("us/op", List.of(List.of(1.0), List.of()), null)))
                .isEqualTo(WHERE + "primary metric: fork 2 has no iterations");
    }

    @Test
    void allZeroTimesAndZeroThroughputAreRefusedButZeroBytesAreAllocationFree() {
        assertThat(refusal(result("us/op", List.of(List.of(0.0, 0.0)), null)))
                .isEqualTo(WHERE + "primary metric: every sample is 0 us/op: nothing was measured");
        assertThat(refusal(result("ops/s", List.of(List.of(5.0, 0.0)), null)))
                .isEqualTo(
                        WHERE + "primary metric: fork 1, iteration 2 is 0 ops/s: a throughput of 0 has no time per op");
        var free = result(
                "us/op", List.of(List.of(1.0)), new Metric(0, null, "B/op", List.of(List.of(0.0, 0.0)), Map.of()));
        assertThat(ResultChecks.checked(List.of(free), "f.json")).containsExactly(free);
    }

    @Test
    void negativeAllocationIsRefused() {
        var alloc = new Metric(8, null, "B/op", List.of(List.of(8.0, -8.0)), Map.of());
        assertThat(refusal(result("us/op", List.of(List.of(1.0)), alloc)))
                .isEqualTo(WHERE + "'gc.alloc.rate.norm': fork 1, iteration 2 is negative (-8.0 B/op)");
        var none = new Metric(Double.NaN, null, "B/op", List.of(), Map.of());
        assertThat(ResultChecks.checked(List.of(result("us/op", List.of(List.of(1.0)), none)), "f.json"))
                .as("a profiler that measured nothing: no allocation gate, no error")
                .hasSize(1);
    }

    @Test
    void longModeNamesAreJmhsShortLabelsAndOthersAreNoMode() {
        assertThat(ResultChecks.mode("AverageTime")).isEqualTo("avgt");
        assertThat(ResultChecks.mode("SingleShotTime")).isEqualTo("ss");
        assertThat(ResultChecks.mode("sample")).isEqualTo("sample");
        assertThat(ResultChecks.mode("all")).isNull();
        assertThat(ResultChecks.mode("fast")).isNull();
    }

    @Test
    void theSameBenchmarkTwiceIsRefused() {
        var one = result("us/op", List.of(List.of(1.0)), null);
        assertThatThrownBy(() -> ResultChecks.checked(List.of(one, one), "f.json"))
                .hasMessage(
                        WHERE.substring(0, WHERE.length() - 2)
                                + " is there twice (results 0 and 1): keep one, or compare the two files it came from separately");
    }
}
