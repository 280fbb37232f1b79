package dev.benchrun.stats;

/**
 * Where a confidence interval of a change lies relative to an equivalence margin ±m (the noise
 * floor, or a warning threshold): the confidence-interval form of the two one-sided tests (TOST;
 * Schuirmann 1987, Westlake 1976), which lets a verdict say "unchanged" on evidence rather than
 * for want of it.
 *
 * <ul>
 *   <li>{@link #INSIDE}: −m ≤ lower and upper ≤ m. The change is shown to be smaller than the
 *       margin either way: unchanged.</li>
 *   <li>{@link #OUTSIDE}: lower &gt; m or upper &lt; −m. The change is shown to exceed the margin,
 *       in the direction of the interval.</li>
 *   <li>{@link #STRADDLING}: anything else — the interval reaches across a margin, so the data
 *       cannot tell: inconclusive until more pairs narrow it.</li>
 * </ul>
 *
 * <p>With a 1 − 2α interval, INSIDE is exactly TOST's conclusion of equivalence at level α, and
 * OUTSIDE that of the one-sided test of "change beyond m" at level α; with the usual 95% interval
 * (α = 2.5% per side) both are conservative. Bounds and margin are in the same units — a fractional
 * change such as {@link HodgesLehmann.Interval#lowerChange()} and a margin of 0.01 for 1% — and the
 * whole line, the interval too few pairs give, is always STRADDLING.
 */
public enum Equivalence {
    INSIDE,
    OUTSIDE,
    STRADDLING;

    /** Classifies the interval [lower, upper] against the margin ±margin. */
    public static Equivalence of(double lower, double upper, double margin) {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("interval bounds out of order or NaN: " + lower + ", " + upper);
        }
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("the margin must be finite and not negative: " + margin);
        }
        if (lower >= -margin && upper <= margin) {
            return INSIDE;
        }
        if (lower > margin || upper < -margin) {
            return OUTSIDE;
        }
        return STRADDLING;
    }
}
