package dev.benchrun.stats;

import static org.assertj.core.api.Assertions.assertThat;

/** Comparisons with published numbers. */
final class Tolerance {

    /** The published values are exact rationals or R output; they agree to about eight digits. */
    static final double RELATIVE = 1e-6;

    private Tolerance() {}

    static void assertRelative(String what, double actual, double expected) {
        double allowed = RELATIVE * Math.abs(expected);
        assertThat(Math.abs(actual - expected))
                .as("%s: got %s, expected %s (relative tolerance %s)", what, actual, expected, RELATIVE)
                .isLessThanOrEqualTo(allowed);
    }

    static void assertAbsolute(String what, double actual, double expected, double tolerance) {
        assertThat(Math.abs(actual - expected))
                .as("%s: got %s, expected %s (absolute tolerance %s)", what, actual, expected, tolerance)
                .isLessThanOrEqualTo(tolerance);
    }
}
