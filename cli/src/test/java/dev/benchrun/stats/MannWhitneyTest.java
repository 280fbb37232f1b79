package dev.benchrun.stats;

import static dev.benchrun.stats.PublishedCases.numbers;
import static dev.benchrun.stats.Tolerance.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.stats.MannWhitney.Alternative;
import dev.benchrun.stats.MannWhitney.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MannWhitneyTest {

    /**
     * go-moremath's own expectation for {1,2,3,5} vs {1,1,1,1,1} is a two-sided p of 0, which its
     * authors flag as unchecked. It comes from doubling P(U ≤ 2.5), the lower tail at the smaller
     * of the two U values — but with this tie pattern the null distribution of U is not symmetric
     * and U cannot go below 4, so that tail is empty and the "p-value" says the samples differ at
     * every significance level. The observed U = 17.5 lies in the upper tail, P(U ≥ 17.5) = 6/126 =
     * the published one-sided p_greater, so the two-sided p is twice that: 0.0952. We compare with
     * 2 × the published p_greater, and {@code UDistributionTest} confirms the tail by enumeration.
     */
    private static final String ASYMMETRIC_TIES_CASE = "s1_vs_s5_ties";

    @TestFactory
    Stream<DynamicTest> publishedUTestCases() {
        return cases("/mann_whitney_u_test/cases").flatMap(c -> {
            String id = c.get("id").asText();
            double[] x1 = numbers(c.get("x1"));
            double[] x2 = numbers(c.get("x2"));
            if (c.has("expect_error")) {
                return Stream.of(dynamicTest(id + ": all equal gives p = 1, flagged", () -> {
                    var r = MannWhitney.test(x1, x2);
                    assertThat(r.allEqual()).isTrue();
                    assertThat(r.pValue()).isEqualTo(1.0);
                }));
            }
            Method expectedMethod = x1.length > MannWhitney.EXACT_LIMIT_WITH_TIES ? Method.NORMAL : Method.EXACT;
            double twoSided = id.equals(ASYMMETRIC_TIES_CASE)
                    ? Math.min(1, 2 * c.get("p_greater").asDouble())
                    : c.get("p_two_sided").asDouble();
            return Stream.of(
                    dynamicTest(id + ": U", () -> {
                        var r = MannWhitney.test(x1, x2);
                        assertThat(r.u()).isEqualTo(c.get("U").asDouble());
                        assertThat(r.method()).isEqualTo(expectedMethod);
                        assertThat(r.allEqual()).isFalse();
                    }),
                    dynamicTest(
                            id + ": p less",
                            () -> assertRelative(
                                    id,
                                    MannWhitney.test(x1, x2, Alternative.LESS).pValue(),
                                    c.get("p_less").asDouble())),
                    dynamicTest(
                            id + ": p two-sided",
                            () -> assertRelative(
                                    id,
                                    MannWhitney.test(x1, x2, Alternative.TWO_SIDED)
                                            .pValue(),
                                    twoSided)),
                    dynamicTest(
                            id + ": p greater",
                            () -> assertRelative(
                                    id,
                                    MannWhitney.test(x1, x2, Alternative.GREATER)
                                            .pValue(),
                                    c.get("p_greater").asDouble())));
        });
    }

    @Test
    void theAsymmetricTieCaseIsNotSignificantAtFivePercent() {
        // The practical point of the special case above: benchstat's rule would report p = 0.
        var r = MannWhitney.test(new double[] {2, 1, 3, 5}, new double[] {1, 1, 1, 1, 1});
        assertThat(r.pValue()).isGreaterThan(0.05);
    }

    private static final Pattern NEED_SAMPLES = Pattern.compile("need (>=|>) (\\d+) samples to detect a difference");

    @TestFactory
    Stream<DynamicTest> benchmathCompareCases() {
        var counter = new int[1];
        return cases("/benchmath/compare_assume_nothing")
                .map(c -> dynamicTest(
                        "compare_assume_nothing[" + counter[0]++ + "] " + c.get("x1") + " vs " + c.get("x2"), () -> {
                            var r = MannWhitney.test(numbers(c.get("x1")), numbers(c.get("x2")));
                            double alpha = c.get("alpha").asDouble();
                            assertRelative("p", r.pValue(), c.get("p").asDouble());
                            assertThat(r.n1()).isEqualTo(c.get("n1").asInt());
                            assertThat(r.n2()).isEqualTo(c.get("n2").asInt());
                            List<String> warnings = texts(c.get("warnings"));
                            assertThat(r.allEqual()).isEqualTo(warnings.contains("all samples are equal"));
                            // benchstat warns when p > α and neither side has the samples to ever get below α.
                            var need = MannWhitney.samplesToDetect(alpha);
                            boolean tooFew = !need.isMetBy(r.n1()) && !need.isMetBy(r.n2());
                            var published = warnings.stream()
                                    .map(NEED_SAMPLES::matcher)
                                    .filter(m -> m.find())
                                    .findFirst();
                            assertThat(!r.allEqual() && r.pValue() > alpha && tooFew)
                                    .isEqualTo(published.isPresent());
                            published.ifPresent(
                                    m -> assertThat(need.toString()).isEqualTo(m.group(1) + " " + m.group(2)));
                        }));
    }

    @TestFactory
    Stream<DynamicTest> minimumPValueForEqualSampleSizes() {
        JsonNode table = PublishedCases.at("/benchmath/utest_min_p_equal_n");
        var tests = new ArrayList<DynamicTest>();
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) table::fields) {
            if (field.getKey().equals("source")) {
                continue;
            }
            int n = Integer.parseInt(field.getKey());
            tests.add(dynamicTest(
                    "uTestMinP n=" + n,
                    () -> assertRelative(
                            "n=" + n,
                            MannWhitney.minimumPValue(n, n),
                            field.getValue().asDouble())));
        }
        assertThat(tests).hasSize(9);
        return tests.stream();
    }

    /**
     * benchstat's table of minimum p-values stops at n = 9 and it then reports "&gt; 10"; we search
     * the whole exact range (up to 50 per side), so where benchstat says "more than 10" we must say
     * "more than" something at least as large.
     */
    @TestFactory
    Stream<DynamicTest> samplesNeededToDetectADifference() {
        return cases("/benchmath/min_samples_for_utest").map(c -> {
            double alpha = c.get("alpha").asDouble();
            String op = c.get("op").asText();
            int n = c.get("n").asInt();
            return dynamicTest("alpha " + alpha + " needs " + op + " " + n, () -> {
                var need = MannWhitney.samplesToDetect(alpha);
                if (op.equals(">=")) {
                    assertThat(need).isEqualTo(SampleRequirement.atLeast(n));
                } else {
                    assertThat(need.reachable()).isFalse();
                    assertThat(need.count()).isGreaterThanOrEqualTo(n);
                }
            });
        });
    }

    @Test
    void minimumPValueIsWhatCompletelySeparatedSamplesGet() {
        for (int n1 = 1; n1 <= 12; n1++) {
            for (int n2 = 1; n2 <= 12; n2++) {
                double[] low = new double[n1];
                double[] high = new double[n2];
                for (int i = 0; i < n1; i++) {
                    low[i] = i;
                }
                for (int i = 0; i < n2; i++) {
                    high[i] = 100 + i;
                }
                assertRelative(n1 + "+" + n2, MannWhitney.test(low, high).pValue(), MannWhitney.minimumPValue(n1, n2));
            }
        }
    }

    @Test
    void largeSamplesUseTheNormalApproximationAndItsMinimum() {
        assertThat(MannWhitney.minimumPValue(51, 51)).isGreaterThan(MannWhitney.minimumPValue(50, 50));
        double[] low = new double[51];
        double[] high = new double[51];
        for (int i = 0; i < 51; i++) {
            low[i] = i;
            high[i] = 1000 + i;
        }
        var r = MannWhitney.test(low, high);
        assertThat(r.method()).isEqualTo(Method.NORMAL);
        assertRelative("separated 51+51", r.pValue(), MannWhitney.minimumPValue(51, 51));
    }

    @Test
    void tiesMoveTheExactLimitFromFiftyToTwentyFive() {
        double[] a = new double[26];
        double[] b = new double[26];
        for (int i = 0; i < 26; i++) {
            a[i] = i;
            b[i] = i + 0.5;
        }
        assertThat(MannWhitney.test(a, b).method()).isEqualTo(Method.EXACT);
        b[0] = 0; // one tie
        assertThat(MannWhitney.test(a, b).method()).isEqualTo(Method.NORMAL);
        assertThat(MannWhitney.test(java.util.Arrays.copyOf(a, 25), java.util.Arrays.copyOf(b, 25))
                        .method())
                .isEqualTo(Method.EXACT);
    }

    @Test
    void rejectsEmptySamplesAndNaN() {
        assertThatThrownBy(() -> MannWhitney.test(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MannWhitney.test(new double[] {1}, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<JsonNode> cases(String pointer) {
        return StreamSupport.stream(PublishedCases.at(pointer).spliterator(), false);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
