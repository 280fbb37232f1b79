package dev.benchrun.stats;

import static dev.benchrun.stats.MannWhitneyTest.cases;
import static dev.benchrun.stats.PublishedCases.number;
import static dev.benchrun.stats.PublishedCases.numbers;
import static dev.benchrun.stats.Tolerance.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** benchstat's per-sample summaries (benchmath assumption_test.go) and its "± x%" rule. */
class EstimateTest {

    private static final Pattern NEED_SAMPLES = Pattern.compile("need (>=|>) (\\d+) samples for confidence interval");

    @TestFactory
    Stream<DynamicTest> medianWithOrderStatisticInterval() {
        return cases("/benchmath/summary_assume_nothing").map(c -> {
            double confidence = c.get("confidence").asDouble();
            return dynamicTest("median of " + c.get("sample") + " at " + confidence, () -> {
                var estimate = Estimate.median(numbers(c.get("sample")), confidence);
                assertExpected(estimate, c);
                var warning = c.get("warnings").size() == 0 ? null : NEED_SAMPLES.matcher(c.get("warnings").get(0).asText());
                assertThat(estimate.bounded()).isEqualTo(warning == null);
                if (warning != null) {
                    assertThat(warning.find()).isTrue();
                    assertThat(QuantileCI.samplesForMedian(confidence).toString())
                            .isEqualTo(warning.group(1) + " " + warning.group(2));
                }
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> meanWithStudentInterval() {
        return cases("/benchmath/summary_assume_normal").map(c -> dynamicTest("mean of " + c.get("sample"),
                () -> assertExpected(Estimate.mean(numbers(c.get("sample")), c.get("confidence").asDouble()), c)));
    }

    @TestFactory
    Stream<DynamicTest> exactQuantities() {
        return cases("/benchmath/summary_assume_exact").map(c -> dynamicTest("exact " + c.get("sample"), () -> {
            var estimate = Estimate.exact(numbers(c.get("sample")));
            assertExpected(estimate, c);
            // benchstat warns "exact distribution expected, but values range from …" when they differ.
            assertThat(estimate.lower() != estimate.upper()).isEqualTo(c.get("warnings").size() > 0);
        }));
    }

    /**
     * benchstat's "± x%" column: "∞" is an infinite half-width, "?" a bound on the other side of zero
     * (NaN here); otherwise the percentage, which benchstat rounds to a whole number.
     */
    @TestFactory
    Stream<DynamicTest> relativeHalfWidth() {
        return cases("/benchmath/format_pct_range/cases").map(c -> {
            var estimate = new Estimate(number(c.get(0)), number(c.get(1)), number(c.get(2)), 0.95);
            String expected = c.get(3).asText();
            return dynamicTest(estimate.center() + " in [" + estimate.lower() + ", " + estimate.upper() + "] → "
                    + expected, () -> {
                double width = estimate.relativeHalfWidth();
                switch (expected) {
                    case "∞" -> assertThat(width).isEqualTo(Double.POSITIVE_INFINITY);
                    case "?" -> assertThat(width).isNaN();
                    default -> assertThat(100 * width)
                            .isCloseTo(Double.parseDouble(expected.replace("%", "")), org.assertj.core.api.Assertions.within(0.5));
                }
            });
        });
    }

    private static void assertExpected(Estimate estimate, JsonNode c) {
        assertRelative("center", estimate.center(), c.get("center").asDouble());
        assertBound("lower", estimate.lower(), number(c.get("lo")));
        assertBound("upper", estimate.upper(), number(c.get("hi")));
        assertRelative("confidence", estimate.confidence(), c.get("actual_confidence").asDouble());
    }

    private static void assertBound(String what, double actual, double expected) {
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else {
            assertRelative(what, actual, expected);
        }
    }
}
