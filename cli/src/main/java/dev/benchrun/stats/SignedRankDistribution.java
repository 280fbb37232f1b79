package dev.benchrun.stats;

import java.util.Arrays;

/**
 * The exact null distribution of the Wilcoxon signed-rank statistic W+ for a given set of
 * (mid)ranks, with or without ties.
 *
 * <p>Under the null hypothesis — the differences are symmetric about zero — each difference is
 * positive or negative with probability ½, independently, whatever its rank. W+ is the sum of the
 * ranks that came out positive, so its distribution is that of Σ rᵢ·Bᵢ with independent fair
 * Bernoulli Bᵢ: the distribution conditional on the ranks observed, which is what makes it exact
 * for tied data (Pratt 1959). Without ties the ranks are 1…n and this is Wilcoxon's (1945) distribution as tabulated.
 *
 * <p>Midranks are multiples of ½, so the distribution is counted over doubled ranks, which are
 * integers: one pass per rank adds it to every sum reached so far (the recurrence UDistribution
 * uses for U, here with one group per rank). The counts are exact integers — at most 2^n, held in a
 * {@code long} for n ≤ 62 — and every probability is a count divided by 2^n, a power of two, so
 * the tail probabilities are exact to the last bit. The distribution is symmetric about half the
 * rank sum, with or without ties, since flipping every sign maps W+ to Σr − W+.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class SignedRankDistribution {

    /** The most ranks whose 2^n arrangements a {@code long} can count. */
    public static final int MAX_RANKS = 62;

    private final int ranks;
    private final int doubledTotal;
    /** below[s] = number of sign assignments with 2W+ ≤ s. */
    private final long[] below;

    private final double arrangements;

    /** Without ties: ranks 1, 2, …, n. */
    public static SignedRankDistribution withoutTies(int n) {
        int[] doubled = new int[n];
        for (int i = 0; i < n; i++) {
            doubled[i] = 2 * (i + 1);
        }
        return new SignedRankDistribution(doubled);
    }

    /**
     * The distribution for the given ranks, each doubled so that midranks such as 2.5 are the
     * integers they are twice of. Only the ranks whose signs vary belong here: under Pratt's
     * convention the zero differences take part in the ranking but not in this list.
     */
    public SignedRankDistribution(int[] doubledRanks) {
        if (doubledRanks.length > MAX_RANKS) {
            throw new IllegalArgumentException(
                    "at most " + MAX_RANKS + " ranks can be counted exactly, got " + doubledRanks.length);
        }
        int total = 0;
        for (int r : doubledRanks) {
            if (r < 1) {
                throw new IllegalArgumentException("doubled ranks must be positive: " + Arrays.toString(doubledRanks));
            }
            total += r;
        }
        this.ranks = doubledRanks.length;
        this.doubledTotal = total;
        this.arrangements = Math.scalb(1.0, ranks);
        long[] counts = new long[total + 1];
        counts[0] = 1;
        int reached = 0;
        for (int r : doubledRanks) {
            // From the top down, so each rank is added once to the sums reached before it.
            for (int s = reached; s >= 0; s--) {
                counts[s + r] += counts[s];
            }
            reached += r;
        }
        below = new long[total + 1];
        long running = 0;
        for (int s = 0; s <= total; s++) {
            running += counts[s];
            below[s] = running;
        }
    }

    /** How many ranks carry a sign. */
    public int ranks() {
        return ranks;
    }

    /** The largest value W+ can take: the sum of the ranks. */
    public double maximum() {
        return doubledTotal / 2.0;
    }

    /** E[W+] = Σr / 2, the centre of symmetry. */
    public double mean() {
        return doubledTotal / 4.0;
    }

    /** P(W+ = w); zero unless w is reachable. */
    public double pmf(double w) {
        double twoW = 2 * w;
        if (twoW != Math.rint(twoW) || twoW < 0 || twoW > doubledTotal) {
            return 0;
        }
        int s = (int) twoW;
        return (below[s] - (s == 0 ? 0 : below[s - 1])) / arrangements;
    }

    /** P(W+ ≤ w). */
    public double cdf(double w) {
        double twoW = Math.floor(2 * w);
        if (twoW < 0) {
            return 0;
        }
        if (twoW >= doubledTotal) {
            return 1;
        }
        return below[(int) twoW] / arrangements;
    }

    /** P(W+ ≥ w), counted directly (as P(W+ ≤ Σr − w) by symmetry) so that small upper tails stay exact. */
    public double survival(double w) {
        return cdf(maximum() - w);
    }

    /**
     * The two-sided p-value of an observed W+: twice the tail on the side where it fell, at most 1
     * (R's {@code wilcox.test} rule; the distribution is symmetric, so either tail gives the same).
     */
    public double twoSidedP(double w) {
        return Math.min(1, 2 * Math.min(cdf(w), survival(w)));
    }

    /**
     * P(two-sided p &lt; α) under the null: the probability that the test rejects at level α when
     * nothing changed. It is at most α, and less wherever the discrete distribution has no value
     * with exactly that tail; 1 minus it is the confidence an interval built from the test really
     * has. The rejection region is {W+ ≤ w*} and its mirror image, w* the largest value whose
     * doubled lower tail is below α.
     */
    public double twoSidedSize(double alpha) {
        double lowerTail = 0;
        for (int s = 0; 2 * s < doubledTotal; s++) {
            double tail = below[s] / arrangements;
            if (!(2 * tail < alpha)) {
                break;
            }
            lowerTail = tail;
        }
        return 2 * lowerTail;
    }
}
