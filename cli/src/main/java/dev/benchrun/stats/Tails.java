package dev.benchrun.stats;

/**
 * The two bounds of a percentile interval: the values a sort would put at ranks r and n − 1 − r,
 * found without sorting or selecting over all n values.
 *
 * <p>A strided sample of the values gives two thresholds that lie, with a margin of four standard
 * errors, beyond the two bounds; one pass keeps the values at or below the lower threshold and at
 * or above the upper one (a few percent of them), and each bound is selected among those kept.
 * When every value at or below a threshold is kept and there are more than r of them, the value of
 * rank r overall is the value of rank r among them, ties included, so the answer is exact whatever
 * the sample; where a threshold falls short (a rare sample, or values in an order the stride does
 * not see through), that bound is selected over all the values instead. Against two quickselects
 * over 10,000 bootstrap resamples, whose partitions mispredict every other comparison, this is one
 * predictable pass, which is what makes the bounds cheap next to the resampling itself.
 */
final class Tails {

    /** Below this many values a selection over all of them is as quick. */
    static final int SAMPLED_FROM = 1024;

    private static final int SAMPLE = 256;

    private Tails() {}

    /** The lower and the upper bound. */
    record Bounds(double lower, double upper) {}

    /**
     * The values at ranks {@code rank} and {@code n − 1 − rank} of {@code values} sorted ascending;
     * {@code values} (none of them NaN) may be reordered.
     */
    static Bounds of(double[] values, int rank) {
        int n = values.length;
        if (rank < 0 || rank > n - 1 - rank) {
            throw new IllegalArgumentException("rank " + rank + " is not in the lower half of " + n + " values");
        }
        if (n < SAMPLED_FROM) {
            return selected(values, rank);
        }
        int step = n / SAMPLE;
        double[] sample = new double[SAMPLE];
        for (int i = 0; i < SAMPLE; i++) {
            sample[i] = values[i * step];
        }
        // The share of values at or below the lower bound, and the sample rank four standard errors past it.
        double share = (rank + 1.0) / n;
        int margin = (int) Math.ceil(4 * Math.sqrt(SAMPLE * share * (1 - share))) + 1;
        int cut = Math.min(SAMPLE - 1, (int) Math.ceil(share * SAMPLE) + margin);
        double lowThreshold = Selection.select(sample, 0, SAMPLE - 1, cut);
        double highThreshold = Selection.select(sample, 0, SAMPLE - 1, SAMPLE - 1 - cut);
        // Room for twice the expected share; more means the sample misled, and the bound is selected over all.
        int capacity = Math.min(n, 2 * (int) ((cut + 1L) * n / SAMPLE) + 64);
        double[] low = new double[capacity];
        double[] high = new double[capacity];
        int lows = 0;
        int highs = 0;
        for (double v : values) {
            if (v <= lowThreshold && lows < capacity) {
                low[lows++] = v;
            }
            if (v >= highThreshold && highs < capacity) {
                high[highs++] = v;
            }
        }
        // A full buffer may have dropped values; only one that is not full holds every value past its threshold.
        boolean lowComplete = lows < capacity && lows > rank;
        boolean highComplete = highs < capacity && highs > rank;
        double lower =
                lowComplete ? Selection.select(low, 0, lows - 1, rank) : Selection.select(values, 0, n - 1, rank);
        double upper = highComplete
                ? Selection.select(high, 0, highs - 1, highs - 1 - rank)
                : Selection.select(values, 0, n - 1, n - 1 - rank);
        return new Bounds(lower, upper);
    }

    /** Both bounds by selection over all the values. */
    static Bounds selected(double[] values, int rank) {
        int n = values.length;
        double lower = Selection.select(values, 0, n - 1, rank);
        double upper = Selection.select(values, rank, n - 1, n - 1 - rank);
        return new Bounds(lower, upper);
    }
}
