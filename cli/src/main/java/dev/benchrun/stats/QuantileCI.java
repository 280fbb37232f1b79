package dev.benchrun.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * A distribution-free confidence interval for a quantile, as a pair of order statistics.
 *
 * <p>The number of sample values below the population's q-quantile is Binomial(n, q), so the
 * interval between the order statistics x(lo) and x(hi) (1-based) covers the quantile with
 * probability P(lo ≤ K &lt; hi). Order 0 stands for −∞ and order n+1 for +∞. For n ≤ 30 the
 * binomial probabilities are accumulated exactly, outwards from the mode, preferring the lower side
 * on ties; above 30 a normal approximation with continuity correction is used. This is
 * go-moremath's {@code QuantileCI} (github.com/aclements/go-moremath, stats/quantileci.go,
 * BSD-3-Clause, Copyright The Go Authors), which benchstat uses for its median ± interval.
 *
 * @param confidence the confidence actually achieved, at least the one requested
 * @param ambiguous  whether the interval one order statistic higher has the same confidence
 */
public record QuantileCI(int n, double quantile, double confidence, int loOrder, int hiOrder, boolean ambiguous) {

    private static final int EXACT_LIMIT = 30;
    /** benchstat's search limit for the minimum number of samples. */
    private static final int SAMPLE_SEARCH_LIMIT = 50;

    /** The interval for the median, the one benchstat reports. */
    public static QuantileCI median(int n, double confidence) {
        return of(n, 0.5, confidence);
    }

    /** The interval for the q-quantile of a sample of size n at (at least) the given confidence. */
    public static QuantileCI of(int n, double q, double confidence) {
        if (n < 1) {
            throw new IllegalArgumentException("sample size must be positive: " + n);
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1]: " + q);
        }
        if (confidence >= 1) {
            return new QuantileCI(n, q, 1, 0, n + 1, false);
        }
        return n <= EXACT_LIMIT ? exact(n, q, confidence) : approximate(n, q, confidence);
    }

    private static QuantileCI exact(int n, double q, double confidence) {
        // Start at the (lower) mode and grow [l, r) towards the more probable neighbour; binomial
        // probabilities fall off monotonically on both sides of the mode.
        int mode = q == 0 ? 0 : (int) Math.ceil((n + 1) * q) - 1;
        double accumulated = binomialPmf(n, q, mode);
        int l = mode;
        int r = mode + 1;
        double left = binomialPmf(n, q, l - 1);
        double right = binomialPmf(n, q, r);
        boolean ambiguous = right == accumulated;
        while (accumulated < confidence && (left > 0 || right > 0)) {
            ambiguous = left == right;
            if (left >= right) {
                accumulated += left;
                l--;
                left = binomialPmf(n, q, l - 1);
            } else {
                accumulated += right;
                r++;
                right = binomialPmf(n, q, r);
            }
        }
        return new QuantileCI(n, q, accumulated, Math.max(l, 0), Math.min(r, n + 1), ambiguous);
    }

    private static QuantileCI approximate(int n, double q, double confidence) {
        double mu = n * q;
        double sigma = Math.sqrt(n * q * (1 - q));
        if (sigma == 0) {
            return exact(n, q, confidence); // q is 0 or 1: all the mass sits on one count
        }
        var normal = new NormalDistribution(null, mu, sigma);
        double l1 = normal.inverseCumulativeProbability((1 - confidence) / 2);
        double r1 = 2 * mu - l1;
        // Count k of the binomial is the band [k − ½, k + ½] of the normal: round outwards to
        // half-integers, then recover k.
        int l = (int) Math.floor(Math.floor(l1 - 0.5) + 0.5) + 1;
        int r = (int) Math.floor(Math.ceil(r1 - 0.5) + 0.5) + 1;
        double achieved = coverage(normal, l, r);
        boolean ambiguous = false;
        double leftBiased = coverage(normal, l, r - 1);
        if (leftBiased >= confidence && leftBiased < achieved) {
            achieved = leftBiased;
            ambiguous = true;
            r--;
        }
        if (l <= 0 && r >= n + 1) {
            achieved = 1; // the whole real line, which the normal's infinite tails never quite reach
            ambiguous = false;
        }
        return new QuantileCI(n, q, achieved, Math.max(l, 0), Math.min(r, n + 1), ambiguous);
    }

    private static double coverage(NormalDistribution normal, int l, int r) {
        return normal.cumulativeProbability(r - 0.5) - normal.cumulativeProbability(l - 0.5);
    }

    private static double binomialPmf(int n, double p, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        return CombinatoricsUtils.binomialCoefficientDouble(n, k) * Math.pow(p, k) * Math.pow(1 - p, n - k);
    }

    /** The interval's bounds in terms of the sample's values, infinite where an order lies outside it. */
    public Interval bounds(double[] sample) {
        if (sample.length != n) {
            throw new IllegalArgumentException("interval was computed for " + n + " values, got " + sample.length);
        }
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        double lo = loOrder < 1 ? Double.NEGATIVE_INFINITY : sorted[loOrder - 1];
        double hi = hiOrder > n ? Double.POSITIVE_INFINITY : sorted[hiOrder - 1];
        return new Interval(lo, hi);
    }

    /** The bounds of an interval; either may be infinite. */
    public record Interval(double lower, double upper) {}

    /**
     * The smallest sample size whose median interval at this confidence is finite on both sides
     * (benchstat: "need &gt;= 6 samples for confidence interval at level 0.95"), searching up to 50.
     */
    public static SampleRequirement samplesForMedian(double confidence) {
        for (int n = 2; n <= SAMPLE_SEARCH_LIMIT; n++) {
            var ci = median(n, confidence);
            if (ci.loOrder() > 0 && ci.hiOrder() <= n) {
                return SampleRequirement.atLeast(n);
            }
        }
        return SampleRequirement.moreThan(SAMPLE_SEARCH_LIMIT);
    }
}
