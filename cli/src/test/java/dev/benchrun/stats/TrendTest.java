package dev.benchrun.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Mann–Kendall test and the Theil–Sen slope against the published cases in stats/trend-cases.json. */
class TrendTest {

    static Stream<JsonNode> cases() throws IOException {
        try (InputStream in = TrendTest.class.getResourceAsStream("/stats/trend-cases.json")) {
            assertThat(in).as("stats/trend-cases.json on the test classpath").isNotNull();
            var root = new ObjectMapper().readTree(in);
            return StreamSupport.stream(root.get("cases").spliterator(), false).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesThePublishedCase(JsonNode c) {
        var result = Trend.of(series(c), Trend.Method.valueOf(c.get("method").asText()));
        String id = c.get("id").asText();

        assertThat(result.s()).as(id + " S").isEqualTo(c.get("S").asLong());
        if (c.has("varS")) {
            Tolerance.assertRelative(
                    id + " Var(S)", result.variance(), c.get("varS").asDouble());
        }
        if (c.has("z")) {
            assertPublished(id + " z", result.z(), c.get("z").asDouble(), c, "z_digits");
        }
        if (c.has("p_two_sided")) {
            assertPublished(id + " p", result.pValue(), c.get("p_two_sided").asDouble(), c, "p_digits");
        }
        if (c.has("p_one_sided")) {
            // The sources give the tail on the side of S; the two-sided p is twice that.
            assertPublished(
                    id + " one-sided p",
                    result.pValue() / 2,
                    c.get("p_one_sided").asDouble(),
                    c,
                    "p_digits");
        }
        if (c.has("slope")) {
            Tolerance.assertRelative(
                    id + " slope", result.slope(), c.get("slope").asDouble());
        }
    }

    @Test
    void theilSenIsTheMedianOfThePairwiseSlopes() {
        // 1, 3, 2, 10: the six slopes (3−1)/1 = 2, (2−1)/2 = 0.5, (10−1)/3 = 3, (2−3)/1 = −1,
        // (10−3)/2 = 3.5, (10−2)/1 = 8; sorted −1, 0.5, 2, 3, 3.5, 8; the median (2 + 3)/2 = 2.5.
        // Least squares would say 2.6: the last value pulls it, the median barely moves.
        var result = Trend.of(new double[] {1, 3, 2, 10});

        assertThat(result.slope()).isEqualTo(2.5);
        assertThat(result.drift()).isEqualTo(7.5);
        // S: +1 +1 +1 −1 +1 +1 = 4 of six pairs.
        assertThat(result.s()).isEqualTo(4);
    }

    @Test
    void anOrderedSeriesOfEightIsAsRareAsOneOrderInEightFactorial() {
        // Exact: only the sorted order (and its reverse, for the two-sided p) reaches |S| = 28.
        var result = Trend.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8});

        assertThat(result.method()).isEqualTo(Trend.Method.EXACT);
        assertThat(result.s()).isEqualTo(28);
        Tolerance.assertRelative("p", result.pValue(), 2.0 / 40320);
    }

    @Test
    void theExactDistributionIsSymmetricAndSumsToOne() {
        for (int n = 2; n <= Trend.EXACT_LIMIT; n++) {
            int pairs = n * (n - 1) / 2;
            assertThat(Trend.exactUpperTail(n, -pairs))
                    .as("n = %d, P(S ≥ −M)", n)
                    .isEqualTo(1.0);
            for (int s = 1; s <= pairs; s++) {
                // P(S ≥ s) = P(S ≤ −s) = 1 − P(S ≥ −s + 1)
                Tolerance.assertAbsolute(
                        "n = " + n + ", s = " + s,
                        Trend.exactUpperTail(n, s),
                        1 - Trend.exactUpperTail(n, -s + 1),
                        1e-12);
            }
        }
    }

    @Test
    void tiesOrLongSeriesUseTheNormalApproximation() {
        assertThat(Trend.of(new double[] {1, 2, 2, 3, 4}).method()).isEqualTo(Trend.Method.NORMAL);
        assertThat(Trend.of(IntStream.rangeClosed(1, 11).asDoubleStream().toArray())
                        .method())
                .isEqualTo(Trend.Method.NORMAL);
        assertThatThrownBy(() -> Trend.of(new double[] {1, 1, 2}, Trend.Method.EXACT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seriesCombinedAddTheirSAndVariances() {
        // Hirsch, Slack and Smith (1982): S and Var(S) of independent seasons add; one season alone
        // is the normal approximation of that season.
        double[] one = {3, 1, 4, 1.5, 5, 9, 2, 6};
        var alone = Trend.of(one, Trend.Method.NORMAL);
        var single = Trend.combined(java.util.List.of(alone));
        assertThat(single.s()).isEqualTo(alone.s());
        assertThat(single.variance()).isEqualTo(alone.variance());
        assertThat(single.pValue()).isEqualTo(alone.pValue());

        var three = Trend.combined(java.util.List.of(alone, alone, alone));
        assertThat(three.s()).isEqualTo(3 * alone.s());
        assertThat(three.variance()).isEqualTo(3 * alone.variance());
        assertThat(three.z()).isEqualTo((3 * alone.s() - 1) / Math.sqrt(3 * alone.variance()));
        assertThat(three.n()).isEqualTo(24);
    }

    @Test
    void aConstantSeriesHasNoTrend() {
        var result = Trend.of(new double[] {5, 5, 5, 5, 5});

        assertThat(result.s()).isZero();
        assertThat(result.pValue()).isEqualTo(1.0);
        assertThat(result.slope()).isZero();
    }

    @Test
    void refusesWhatItCannotTest() {
        assertThatThrownBy(() -> Trend.of(new double[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Trend.of(new double[] {1, Double.NaN, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] series(JsonNode c) {
        if (c.has("series")) {
            return PublishedCases.numbers(c.get("series"));
        }
        if (c.has("series_range")) {
            return IntStream.rangeClosed(
                            c.get("series_range").get(0).asInt(),
                            c.get("series_range").get(1).asInt())
                    .asDoubleStream()
                    .toArray();
        }
        // y in the order of x
        double[] x = PublishedCases.numbers(c.get("x"));
        double[] y = PublishedCases.numbers(c.get("y"));
        return IntStream.range(0, x.length)
                .boxed()
                .sorted(Comparator.comparingDouble(i -> x[i]))
                .mapToDouble(i -> y[i])
                .toArray();
    }

    private static void assertPublished(String what, double actual, double expected, JsonNode c, String digitsField) {
        if (!c.has(digitsField)) {
            Tolerance.assertRelative(what, actual, expected);
            return;
        }
        var context = new MathContext(c.get(digitsField).asInt());
        assertThat(new BigDecimal(actual).round(context).doubleValue())
                .as("%s: got %s, published %s to %s digits", what, actual, expected, context.getPrecision())
                .isEqualTo(new BigDecimal(expected).round(context).doubleValue());
    }
}
