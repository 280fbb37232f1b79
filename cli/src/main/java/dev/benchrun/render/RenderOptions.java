package dev.benchrun.render;

import dev.benchrun.model.FailOn;
import dev.benchrun.model.Verdict;

/**
 * How to render beyond the report itself: colour for a terminal, and which outcomes JUnit XML marks
 * as failures, as the command's gate decides them.
 *
 * @param failOn which verdicts fail, as {@code --fail-on} says
 * @param strict a baseline benchmark missing from the candidate, or one not compared, fails, as
 *     with {@code --strict}
 */
public record RenderOptions(Style style, FailOn failOn, boolean strict) {

    /** No colour; only REGRESSIONs and missed budgets fail. */
    public static final RenderOptions PLAIN = new RenderOptions(Style.PLAIN, FailOn.REGRESSION, false);

    /** Whether this verdict fails the gate. */
    public boolean fails(Verdict verdict) {
        return switch (failOn) {
            case REGRESSION -> verdict == Verdict.REGRESSION;
            case WARNING -> verdict == Verdict.REGRESSION || verdict == Verdict.WARNING;
            case INCONCLUSIVE ->
                verdict == Verdict.REGRESSION || verdict == Verdict.WARNING || verdict == Verdict.INCONCLUSIVE;
            case NEVER -> false;
        };
    }
}
