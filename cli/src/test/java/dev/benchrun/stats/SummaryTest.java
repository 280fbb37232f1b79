package dev.benchrun.stats;

import static dev.benchrun.stats.MannWhitneyTest.cases;
import static dev.benchrun.stats.Tolerance.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SummaryTest {

    @Test
    void describesASample() {
        // Worked by hand: mean 5, squared deviations add up to 32, so s² = 32/7.
        var s = Summary.of(new double[] {9, 2, 4, 4, 4, 5, 5, 7});
        assertThat(s.n()).isEqualTo(8);
        assertThat(s.mean()).isEqualTo(5.0);
        assertThat(s.median()).isEqualTo(4.5);
        assertRelative("sd", s.standardDeviation(), Math.sqrt(32.0 / 7));
        assertRelative("cv", s.coefficientOfVariation(), Math.sqrt(32.0 / 7) / 5);
        assertThat(s.min()).isEqualTo(2.0);
        assertThat(s.max()).isEqualTo(9.0);
    }

    @Test
    void oneValueHasNoSpread() {
        var s = Summary.of(new double[] {3});
        assertThat(s.standardDeviation()).isZero();
        assertThat(s.median()).isEqualTo(3.0);
    }

    @Test
    void geometricMeanOfRatios() {
        assertRelative("2 and 8", Summary.geometricMean(new double[] {2, 8}), 4);
        assertRelative("a change and its inverse", Summary.geometricMean(new double[] {1.25, 0.8}), 1);
        assertRelative("1, 3, 9", Summary.geometricMean(new double[] {1, 3, 9}), 3);
        assertThatThrownBy(() -> Summary.geometricMean(new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void rejectsEmptyAndNonFiniteSamples() {
        assertThatThrownBy(() -> Summary.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Summary.of(new double[] {1, Double.NaN})).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * benchstat's delta column (format_delta). The "~" row is the verdict's business (p &gt; α),
     * not a number, so only the rows that print a change are checked here.
     */
    @TestFactory
    Stream<DynamicTest> relativeChangeAsBenchstatPrintsIt() {
        return cases("/benchmath/format_delta/cases")
                .filter(c -> !c.get(4).asText().equals("~"))
                .map(c -> {
                    double oldValue = c.get(1).asDouble();
                    double newValue = c.get(2).asDouble();
                    String expected = c.get(4).asText();
                    return dynamicTest(oldValue + " → " + newValue + " prints " + expected, () -> {
                        double change = Summary.relativeChange(oldValue, newValue);
                        if (expected.equals("?")) {
                            assertThat(change).isNaN();
                        } else {
                            assertRelative(
                                    "percent",
                                    100 * change + 1000,
                                    Double.parseDouble(expected.replace("%", "")) + 1000);
                        }
                    });
                });
    }
}
