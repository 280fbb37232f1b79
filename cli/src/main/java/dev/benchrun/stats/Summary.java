package dev.benchrun.stats;

import java.util.Arrays;

/**
 * Descriptive statistics of one sample. The standard deviation is the sample one (n − 1 in the
 * denominator) and is 0 for a single value; the coefficient of variation is sd / |mean|.
 */
public record Summary(
        int n,
        double mean,
        double median,
        double standardDeviation,
        double coefficientOfVariation,
        double min,
        double max) {

    public static Summary of(double[] sample) {
        requireFinite(sample, "sample");
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double mean = mean(sorted);
        double squares = 0;
        for (double v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        return new Summary(n, mean, medianOfSorted(sorted), sd, sd / Math.abs(mean), sorted[0], sorted[n - 1]);
    }

    /**
     * The geometric mean of positive ratios, exp(mean(log r)): the suite-level change benchstat
     * prints on its geomean row.
     */
    public static double geometricMean(double[] ratios) {
        requireFinite(ratios, "ratios");
        double logs = 0;
        for (double r : ratios) {
            if (!(r > 0)) {
                throw new IllegalArgumentException("geometric mean needs positive values, got " + r);
            }
            logs += Math.log(r);
        }
        return Math.exp(logs / ratios.length);
    }

    /**
     * new/old − 1, the relative change benchstat prints as "+x.xx%": 0 when the two are equal (also
     * both 0) and NaN when only the old value is 0.
     */
    public static double relativeChange(double oldValue, double newValue) {
        if (oldValue == newValue) {
            return 0;
        }
        if (oldValue == 0) {
            return Double.NaN;
        }
        return newValue / oldValue - 1;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The median of the values, in any order (they are not changed); NaN for none. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return medianOfSorted(sorted);
    }

    static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static void requireFinite(double[] values, String what) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the " + what + " contains a non-finite value: " + v);
            }
        }
    }
}
