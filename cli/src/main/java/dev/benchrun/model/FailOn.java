package dev.benchrun.model;

import java.util.Locale;

/** Which verdicts fail the gate ({@code --fail-on}). */
public enum FailOn {
    REGRESSION,
    WARNING,
    /** A warning, a regression, or a paired comparison that could not decide. */
    INCONCLUSIVE,
    NEVER;

    /** As the user writes it: {@code regression}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
