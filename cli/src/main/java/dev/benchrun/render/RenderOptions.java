package dev.benchrun.render;

/**
 * How to render beyond the report itself: colour for a terminal, and which outcomes JUnit XML marks
 * as failures, as the command's gate decides them.
 *
 * @param warningsFail a WARNING fails, as with {@code --fail-on warning}
 * @param strict a baseline benchmark missing from the candidate, or one not compared, fails, as
 *     with {@code --strict}
 */
public record RenderOptions(Style style, boolean warningsFail, boolean strict) {

    /** No colour; only REGRESSIONs and missed budgets fail. */
    public static final RenderOptions PLAIN = new RenderOptions(Style.PLAIN, false, false);
}
