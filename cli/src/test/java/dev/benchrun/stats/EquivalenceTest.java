package dev.benchrun.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EquivalenceTest {

    private static final double M = 0.01;

    @Test
    void theWholeIntervalWithinTheMarginIsShownUnchanged() {
        assertThat(Equivalence.of(-0.004, 0.006, M)).isEqualTo(Equivalence.INSIDE);
        assertThat(Equivalence.of(-M, M, M)).isEqualTo(Equivalence.INSIDE); // the margin itself is within
        assertThat(Equivalence.of(0, 0, 0)).isEqualTo(Equivalence.INSIDE);
    }

    @Test
    void theWholeIntervalBeyondTheMarginIsAChange() {
        assertThat(Equivalence.of(0.012, 0.05, M)).isEqualTo(Equivalence.OUTSIDE);
        assertThat(Equivalence.of(-0.2, -0.011, M)).isEqualTo(Equivalence.OUTSIDE);
        assertThat(Equivalence.of(0.02, Double.POSITIVE_INFINITY, M)).isEqualTo(Equivalence.OUTSIDE);
    }

    @Test
    void anIntervalAcrossAMarginIsInconclusive() {
        assertThat(Equivalence.of(0.005, 0.02, M)).isEqualTo(Equivalence.STRADDLING);
        assertThat(Equivalence.of(-0.02, -0.005, M)).isEqualTo(Equivalence.STRADDLING);
        assertThat(Equivalence.of(-0.02, 0.02, M)).isEqualTo(Equivalence.STRADDLING); // wider than both
        assertThat(Equivalence.of(M, 0.05, M)).isEqualTo(Equivalence.STRADDLING); // touching is not beyond
        assertThat(Equivalence.of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, M))
                .isEqualTo(Equivalence.STRADDLING);
    }

    @Test
    void aConfidentSmallChangeIsNeitherUnchangedNorAChange() {
        // 0.5% slower, sure of it: excludes 0 but lies within the margin — shown unchanged.
        assertThat(Equivalence.of(0.003, 0.007, M)).isEqualTo(Equivalence.INSIDE);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Equivalence.of(0.02, 0.01, M)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Equivalence.of(Double.NaN, 0.01, M)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Equivalence.of(0, 0.01, -M)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Equivalence.of(0, 0.01, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
