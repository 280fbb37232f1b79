package dev.benchrun.stats;

import java.util.Arrays;

/**
 * The exact null distribution of the Mann-Whitney U statistic, with or without ties.
 *
 * <p>U counts the pairs (a from the first sample, b from the second) with a &gt; b, plus one half per
 * tied pair, so it moves in steps of 0.5 and lies in [0, n1·n2]. Under the null hypothesis every
 * way of choosing which n1 of the n1+n2 pooled positions belong to the first sample is equally
 * likely; ties are described by the tie vector T, the sizes of the groups of equal values in the
 * pooled, sorted sample (Klotz 1966; Cheung &amp; Klotz 1997). Without ties this is the distribution
 * tabulated by Mann &amp; Whitney (1947).
 *
 * <p>The distribution is counted with a recurrence over the tie groups, lowest first: taking r of a
 * group's t members into the first sample, when j first-sample members and P−j second-sample members
 * lie in lower groups, adds r·(P−j) + r·(t−r)/2 to U and multiplies the number of arrangements by
 * C(t, r). This is the Klotz / Cheung-Klotz recurrence that go-moremath's {@code UDist} evaluates
 * top-down with memo tables (github.com/aclements/go-moremath, stats/udist.go, BSD-3-Clause,
 * Copyright The Go Authors); here it is evaluated bottom-up into a dense table of counts indexed
 * by 2U, which gives every CDF value at once.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class UDistribution {

    private final int n1;
    private final int n2;
    /** lowerTail[s] = P(2U ≤ s), summed from the bottom so small tails keep full precision. */
    private final double[] lowerTail;
    /** upperTail[s] = P(2U ≥ s), summed from the top for the same reason. */
    private final double[] upperTail;

    private final double[] mass;

    /** The distribution without ties: Mann &amp; Whitney (1947). */
    public UDistribution(int n1, int n2) {
        this(n1, n2, ones(n1 + n2));
    }

    /**
     * The distribution for a pooled sample whose tie groups, in ascending order of value, have the
     * given sizes (Klotz 1966). The sizes must add up to n1 + n2.
     */
    public UDistribution(int n1, int n2, int[] ties) {
        if (n1 < 1 || n2 < 1) {
            throw new IllegalArgumentException("both samples need at least one value, got " + n1 + " and " + n2);
        }
        if (Arrays.stream(ties).anyMatch(t -> t < 1) || Arrays.stream(ties).sum() != n1 + n2) {
            throw new IllegalArgumentException(
                    "tie group sizes must be positive and add up to " + (n1 + n2) + ": " + Arrays.toString(ties));
        }
        this.n1 = n1;
        this.n2 = n2;
        double[] counts = countArrangements(n1, ties, 2 * n1 * n2);
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        mass = new double[counts.length];
        lowerTail = new double[counts.length];
        upperTail = new double[counts.length];
        double below = 0;
        for (int s = 0; s < counts.length; s++) {
            mass[s] = counts[s] / total;
            below += counts[s];
            lowerTail[s] = below / total;
        }
        double above = 0;
        for (int s = counts.length - 1; s >= 0; s--) {
            above += counts[s];
            upperTail[s] = above / total;
        }
    }

    /**
     * counts[s] = number of ways to place n1 first-sample values into the tie groups so that 2U = s.
     * One table row per number of first-sample values placed so far, updated in place from the top
     * row down so each group is used once. Rows that already hold more second-sample values than
     * there are can never complete and are left behind.
     */
    private static double[] countArrangements(int n1, int[] ties, int maxTwoU) {
        int n2 = Arrays.stream(ties).sum() - n1;
        double[][] rows = new double[n1 + 1][maxTwoU + 1];
        int[] highest = new int[n1 + 1]; // highest 2U reached in each row so far, -1 if empty
        Arrays.fill(highest, -1);
        rows[0][0] = 1;
        highest[0] = 0;
        int pooledBelow = 0;
        for (int t : ties) {
            double[] choose = binomialRow(t);
            for (int j = n1 - 1; j >= 0; j--) {
                int secondBelow = pooledBelow - j;
                if (highest[j] < 0 || secondBelow > n2) {
                    continue; // nothing here, or more second-sample values than there are: unreachable
                }
                double[] from = rows[j];
                // Taking r of this group leaves t − r for the second sample, which must still fit.
                int fewest = Math.max(1, secondBelow + t - n2);
                for (int r = fewest; r <= Math.min(t, n1 - j); r++) {
                    int shift = 2 * r * secondBelow + r * (t - r);
                    double[] to = rows[j + r];
                    double ways = choose[r];
                    for (int s = 0; s <= highest[j]; s++) {
                        to[s + shift] += ways * from[s];
                    }
                    highest[j + r] = Math.max(highest[j + r], highest[j] + shift);
                }
            }
            pooledBelow += t;
        }
        return rows[n1];
    }

    private static double[] binomialRow(int n) {
        double[] row = new double[n + 1];
        row[0] = 1;
        for (int k = 1; k <= n; k++) {
            row[k] = row[k - 1] * (n - k + 1) / k;
        }
        return row;
    }

    private static int[] ones(int n) {
        int[] ties = new int[n];
        Arrays.fill(ties, 1);
        return ties;
    }

    public int n1() {
        return n1;
    }

    public int n2() {
        return n2;
    }

    /** E[U] = n1·n2/2, with or without ties. */
    public double mean() {
        return n1 * (double) n2 / 2;
    }

    /** P(U = u); zero unless u is a reachable multiple of 0.5. */
    public double pmf(double u) {
        double twoU = 2 * u;
        if (twoU < 0 || twoU >= mass.length || twoU != Math.rint(twoU)) {
            return 0;
        }
        return mass[(int) twoU];
    }

    /** P(U ≤ u). */
    public double cdf(double u) {
        double twoU = Math.floor(2 * u);
        if (twoU < 0) {
            return 0;
        }
        if (twoU >= lowerTail.length - 1) {
            return 1;
        }
        return lowerTail[(int) twoU];
    }

    /** P(U ≥ u), summed directly rather than as 1 − cdf so that small upper tails stay exact. */
    public double survival(double u) {
        double twoU = Math.ceil(2 * u);
        if (twoU <= 0) {
            return 1;
        }
        if (twoU >= upperTail.length) {
            return 0;
        }
        return upperTail[(int) twoU];
    }
}
