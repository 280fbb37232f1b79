package dev.benchrun.stats;

import static dev.benchrun.stats.MannWhitneyTest.cases;
import static dev.benchrun.stats.PublishedCases.number;
import static dev.benchrun.stats.Tolerance.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class QuantileCITest {

    @TestFactory
    Stream<DynamicTest> publishedQuantileIntervals() {
        return cases("/quantile_ci/cases").map(c -> {
            int n = c.get("n").asInt();
            double q = c.get("q").asDouble();
            double confidence = c.get("confidence").asDouble();
            return dynamicTest("QuantileCI(n=" + n + ", q=" + q + ", confidence=" + confidence + ")", () -> {
                var ci = QuantileCI.of(n, q, confidence);
                assertThat(ci.loOrder()).as("lo order").isEqualTo(c.get("lo_order").asInt());
                assertThat(ci.hiOrder()).as("hi order").isEqualTo(c.get("hi_order").asInt());
                assertRelative("actual confidence", ci.confidence(), c.get("actual_confidence").asDouble());
                assertThat(ci.ambiguous()).as("ambiguous").isEqualTo(c.get("ambiguous").asBoolean());
                if (c.has("sample_1_to_n_ci")) {
                    double[] oneToN = IntStream.rangeClosed(1, n).asDoubleStream().toArray();
                    var bounds = ci.bounds(oneToN);
                    assertThat(bounds.lower()).isEqualTo(number(c.get("sample_1_to_n_ci").get(0)));
                    assertThat(bounds.upper()).isEqualTo(number(c.get("sample_1_to_n_ci").get(1)));
                }
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> samplesNeededForAFiniteMedianInterval() {
        return cases("/benchmath/min_samples_for_median_ci").map(c -> {
            double confidence = c.get("confidence").asDouble();
            var expected = new SampleRequirement(c.get("n").asInt(), c.get("op").asText().equals(">="));
            return dynamicTest("confidence " + confidence + " needs " + expected,
                    () -> assertThat(QuantileCI.samplesForMedian(confidence)).isEqualTo(expected));
        });
    }

    @Test
    void theNormalApproximationAboveThirtyStaysCloseToTheExactBinomial() {
        // At n = 31 the approximation takes over; the exact accumulation still works as a reference.
        for (double confidence : new double[] {0.8, 0.9, 0.95, 0.99}) {
            var approximate = QuantileCI.median(31, confidence);
            assertThat(approximate.confidence()).isGreaterThanOrEqualTo(confidence - 0.01);
            assertThat(approximate.loOrder()).isBetween(1, 16);
            assertThat(approximate.hiOrder()).isBetween(16, 31);
            assertThat(approximate.loOrder() + approximate.hiOrder()).isBetween(31, 32);
        }
    }
}
