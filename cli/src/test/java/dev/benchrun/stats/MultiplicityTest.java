package dev.benchrun.stats;

import static dev.benchrun.stats.PairedCases.assertPublished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class MultiplicityTest {

    /** Benjamini &amp; Hochberg's own example: at q = 0.05 the four smallest of 15 p-values are rejected. */
    @Test
    void benjaminiHochbergRejectsTheFourOfTheirExample() {
        JsonNode c = PairedCases.at("/multiplicity/benjamini_hochberg_1995");
        double[] p = PublishedCases.numbers(c.get("p"));
        double[] q = Multiplicity.benjaminiHochberg(p);
        double level = c.get("q").asDouble();
        long rejected = Arrays.stream(q).filter(v -> v <= level).count();
        assertThat(rejected).isEqualTo(c.get("rejected").asLong());
        for (int i = 0; i < p.length; i++) {
            assertThat(q[i] <= level).as("hypothesis %d", i + 1).isEqualTo(i < rejected);
        }
    }

    /** R's p.adjust for the 50 p-values of the Rosetta Code task, to the 7 digits R printed. */
    @Test
    void matchesRsPAdjust() {
        JsonNode c = PairedCases.at("/multiplicity/r_p_adjust_50");
        double[] p = PublishedCases.numbers(c.get("p"));
        assertMatches(c, "BH", Multiplicity.benjaminiHochberg(p));
        assertMatches(c, "holm", Multiplicity.holm(p));
    }

    private static void assertMatches(JsonNode c, String method, double[] adjusted) {
        double[] expected = PublishedCases.numbers(c.get(method));
        assertThat(adjusted).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertPublished(method + "[" + (i + 1) + "]", adjusted[i], expected[i], c, "digits");
        }
    }

    @Test
    void adjustedValuesFollowTheInputOrderAndAreMonotone() {
        var random = new SplittableRandom(31);
        for (UnaryOperator<double[]> adjust :
                List.<UnaryOperator<double[]>>of(Multiplicity::benjaminiHochberg, Multiplicity::holm)) {
            for (int k = 0; k < 50; k++) {
                double[] p =
                        random.doubles(1 + random.nextInt(30)).map(v -> v * v).toArray();
                double[] q = adjust.apply(p);
                for (int i = 0; i < p.length; i++) {
                    assertThat(q[i]).isBetween(p[i], 1.0);
                    for (int j = 0; j < p.length; j++) {
                        if (p[i] <= p[j]) {
                            assertThat(q[i]).isLessThanOrEqualTo(q[j]);
                        }
                    }
                }
                // reversing the input reverses the output
                double[] reversed = reverse(p);
                assertThat(adjust.apply(reversed)).containsExactly(reverse(q));
            }
        }
    }

    @Test
    void holmIsAtLeastBenjaminiHochberg() {
        // FWER control is the stricter: every Holm value is at least the BH value.
        var random = new SplittableRandom(32);
        for (int k = 0; k < 50; k++) {
            double[] p = random.doubles(2 + random.nextInt(20)).toArray();
            double[] holm = Multiplicity.holm(p);
            double[] bh = Multiplicity.benjaminiHochberg(p);
            for (int i = 0; i < p.length; i++) {
                assertThat(holm[i]).isGreaterThanOrEqualTo(bh[i]);
            }
        }
    }

    @Test
    void aMissingPValueIsLeftOutOfTheFamily() {
        double[] p = {0.01, Double.NaN, 0.04, 0.03};
        double[] bh = Multiplicity.benjaminiHochberg(p);
        double[] holm = Multiplicity.holm(p);
        assertThat(bh[1]).isNaN();
        assertThat(holm[1]).isNaN();
        // three real p-values, so m = 3: the same as adjusting {0.01, 0.04, 0.03} alone
        assertThat(new double[] {bh[0], bh[2], bh[3]})
                .containsExactly(Multiplicity.benjaminiHochberg(new double[] {0.01, 0.04, 0.03}));
        assertThat(new double[] {holm[0], holm[2], holm[3]}).containsExactly(0.03, 0.06, 0.06);
        assertThat(Multiplicity.holm(new double[0])).isEmpty();
        assertThat(Multiplicity.benjaminiHochberg(new double[] {Double.NaN})).containsExactly(Double.NaN);
    }

    @Test
    void equalPValuesGetEqualAdjustedValues() {
        assertThat(Multiplicity.benjaminiHochberg(new double[] {0.01, 0.01})).containsExactly(0.01, 0.01);
        assertThat(Multiplicity.holm(new double[] {0.01, 0.01})).containsExactly(0.02, 0.02);
    }

    @Test
    void rejectsValuesThatAreNotProbabilities() {
        assertThatThrownBy(() -> Multiplicity.holm(new double[] {0.5, 1.5}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multiplicity.benjaminiHochberg(new double[] {-0.1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multiplicity.holm(new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] reverse(double[] values) {
        double[] r = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = values[values.length - 1 - i];
        }
        return r;
    }
}
