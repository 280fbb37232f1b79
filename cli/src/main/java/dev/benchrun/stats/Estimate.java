package dev.benchrun.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A centre with a confidence interval, as benchstat summarises one sample. Either bound may be
 * infinite when the sample is too small for the requested confidence; {@code confidence} is the
 * level actually achieved.
 */
public record Estimate(double center, double lower, double upper, double confidence) {

    /**
     * The median with benchstat's distribution-free order-statistic interval ({@link QuantileCI}):
     * its default summary, assuming nothing about the distribution.
     */
    public static Estimate median(double[] sample, double confidence) {
        Summary.requireFinite(sample, "sample");
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        var ci = QuantileCI.median(sorted.length, confidence);
        var bounds = ci.bounds(sorted);
        return new Estimate(Summary.medianOfSorted(sorted), bounds.lower(), bounds.upper(), ci.confidence());
    }

    /** The mean with a Student-t interval, for samples assumed to be normal. */
    public static Estimate mean(double[] sample, double confidence) {
        var summary = Summary.of(sample);
        if (summary.n() < 2) {
            return new Estimate(summary.mean(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, confidence);
        }
        double t = new TDistribution(null, summary.n() - 1).inverseCumulativeProbability((1 + confidence) / 2);
        double halfWidth = t * summary.standardDeviation() / Math.sqrt(summary.n());
        return new Estimate(summary.mean(), summary.mean() - halfWidth, summary.mean() + halfWidth, confidence);
    }

    /**
     * For quantities measured exactly, such as bytes allocated per operation: the most frequent
     * value, with the range of the sample as its "interval" (a non-zero width means the quantity
     * was not exact after all).
     */
    public static Estimate exact(double[] sample) {
        Summary.requireFinite(sample, "sample");
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        double mode = sorted[0];
        int modeCount = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > modeCount) {
                mode = sorted[i];
                modeCount = j - i;
            }
            i = j;
        }
        return new Estimate(mode, sorted[0], sorted[sorted.length - 1], 1);
    }

    /** Whether both bounds are finite. */
    public boolean bounded() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }

    /**
     * The interval as "± x" relative to the centre, max(upper/center − 1, 1 − lower/center), as
     * benchstat prints it: +∞ if a bound is infinite, NaN if a bound lies on the other side of zero
     * from the centre, 0 if the centre is 0.
     */
    public double relativeHalfWidth() {
        if (!bounded()) {
            return Double.POSITIVE_INFINITY;
        }
        if (Math.signum(lower) != Math.signum(center) || Math.signum(upper) != Math.signum(center)) {
            return Double.NaN;
        }
        if (center == 0) {
            return 0;
        }
        return Math.max(upper / center - 1, 1 - lower / center);
    }
}
