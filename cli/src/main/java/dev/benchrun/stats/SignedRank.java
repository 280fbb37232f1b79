package dev.benchrun.stats;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Wilcoxon signed-rank test (Wilcoxon 1945) on paired differences — in an A/B session the log
 * ratios dᵢ = ln(candidate fork mean / baseline fork mean), one per pair of forks.
 *
 * <p>The absolute differences are ranked, ties sharing their midrank, and W+ is the sum of the
 * ranks of the positive differences. Under the null hypothesis (the differences are symmetric
 * about 0: no change) each sign is a fair coin, which fixes the distribution of W+ exactly given
 * the ranks ({@link SignedRankDistribution}).
 *
 * <p><b>Exact where it matters.</b> With at most {@link #EXACT_LIMIT} pairs — paired comparisons
 * typically have 6 to 30 — the p-value comes from the exact distribution for the ranks as observed, ties and zeros
 * included. Apache Commons Statistics' {@code WilcoxonSignedRankTest} (inference 1.2) has an
 * {@code EXACT} method, but it falls back to the normal approximation as soon as one difference is
 * zero or two absolute differences tie, and R's {@code wilcox.test} does the same. Fork means are
 * rounded by the timer and allocation counts are whole bytes, so both happen on real data; hence
 * the distribution is counted here. Above the limit the normal approximation is used, with the
 * variance of W+ for the ranks as observed (Σ rᵢ² / 4, which is the usual tie correction) and R's
 * continuity correction of ½ towards the mean.
 *
 * <p><b>Zero differences</b> (a pair whose two forks measured the same) follow Pratt (1959) by
 * default: they are ranked with the others, as the smallest absolute values, and then take no
 * part in the sign assignment. Dropping them first (Wilcoxon's own convention, R's) ranks the rest
 * as if those pairs had never run. Pratt's statistic is the one the Hodges–Lehmann interval
 * inverts: W+ − E[W+] = #{Walsh averages &gt; 0} + ½·#{= 0} − n(n+1)/4, counted over all n pairs,
 * so the test and the interval speak about the same data; it is also coin's default
 * ({@code wilcoxsign_test}). {@link Zeros#DROP} is there to reproduce R.
 *
 * <p>All zeros (every pair measured the same) leaves nothing to test: p is 1 and the result is
 * flagged {@code allZero}.
 */
public final class SignedRank {

    /** Largest number of pairs for which the exact distribution is used. */
    public static final int EXACT_LIMIT = 50;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private SignedRank() {}

    /** The alternative hypothesis about the differences: below 0, either way, or above 0. */
    public enum Alternative {
        LESS,
        TWO_SIDED,
        GREATER
    }

    /** What happens to differences that are exactly 0. */
    public enum Zeros {
        /** Ranked with the others, then left out of the sign assignment (Pratt 1959). */
        PRATT,
        /** Removed before ranking (Wilcoxon 1945; R's {@code wilcox.test}). */
        DROP
    }

    /** How the p-value was obtained. */
    public enum Method {
        EXACT,
        NORMAL
    }

    /**
     * The outcome of a test. {@code statistic} is W+ (a multiple of ½ with ties), {@code zeros}
     * the number of zero differences, {@code allZero} the degenerate case where p is 1.
     */
    public record Result(
            int pairs,
            int zeros,
            double statistic,
            double pValue,
            Alternative alternative,
            Zeros zeroHandling,
            Method method,
            boolean allZero) {
        public Result {
            if (!(pValue >= 0 && pValue <= 1)) {
                throw new IllegalArgumentException("p-value out of [0, 1]: " + pValue);
            }
        }
    }

    /** The two-sided test with Pratt's zeros, which is what relative comparisons use. */
    public static Result test(double[] differences) {
        return test(differences, Alternative.TWO_SIDED, Zeros.PRATT);
    }

    public static Result test(double[] differences, Alternative alternative, Zeros zeros) {
        return test(differences, alternative, zeros, differences.length <= EXACT_LIMIT ? Method.EXACT : Method.NORMAL);
    }

    /** The test with the method chosen by the caller: for checking the approximation on small samples. */
    static Result test(double[] differences, Alternative alternative, Zeros zeros, Method method) {
        requireDifferences(differences);
        var ranks = SignedRanks.of(differences, zeros);
        int zeroCount = (int) Arrays.stream(differences).filter(d -> d == 0).count();
        double w = ranks.statistic();
        if (ranks.doubled().length == 0) {
            return new Result(differences.length, zeroCount, w, 1, alternative, zeros, method, true);
        }
        double p = method == Method.EXACT
                ? exactP(new SignedRankDistribution(ranks.doubled()), w, alternative)
                : normalP(ranks.doubled(), w, alternative);
        return new Result(differences.length, zeroCount, w, p, alternative, zeros, method, false);
    }

    static double exactP(SignedRankDistribution distribution, double w, Alternative alternative) {
        return switch (alternative) {
            case LESS -> distribution.cdf(w);
            case GREATER -> distribution.survival(w);
            case TWO_SIDED -> distribution.twoSidedP(w);
        };
    }

    /**
     * The normal approximation as R's {@code wilcox.test} computes it: mean Σr/2, variance Σr²/4
     * (for ranks 1…n with tie groups t, n(n+1)(2n+1)/24 − Σ(t³ − t)/48), continuity correction ½.
     */
    static double normalP(int[] doubledRanks, double w, Alternative alternative) {
        double sum = 0;
        double squares = 0;
        for (int r : doubledRanks) {
            sum += r;
            squares += (double) r * r;
        }
        double sigma = Math.sqrt(squares / 16);
        double x = w - sum / 4;
        return switch (alternative) {
            case LESS -> STANDARD_NORMAL.cumulativeProbability((x + 0.5) / sigma);
            case GREATER -> STANDARD_NORMAL.survivalProbability((x - 0.5) / sigma);
            case TWO_SIDED -> {
                double z = (x - Math.signum(x) * 0.5) / sigma;
                yield Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
            }
        };
    }

    /**
     * The smallest two-sided p-value the test can return for this many pairs: that of pairs that
     * all moved the same way, 2 / 2ⁿ (one of the 2ⁿ equally likely sign patterns is all positive).
     * Ties cannot make it smaller and zeros make it larger, so when it is not below α, no outcome of
     * this many pairs can be significant. Above {@link #EXACT_LIMIT} pairs it is the normal
     * approximation's value for the same data, far below any α in use.
     */
    public static double minimumPValue(int pairs) {
        if (pairs < 1) {
            throw new IllegalArgumentException("need at least one pair, got " + pairs);
        }
        if (pairs <= EXACT_LIMIT) {
            return Math.min(1, Math.scalb(1.0, 1 - pairs));
        }
        double n = pairs;
        double x = n * (n + 1) / 4; // W+ = n(n+1)/2, its distance from the mean
        double sigma = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24);
        return 2 * STANDARD_NORMAL.survivalProbability((x - 0.5) / sigma);
    }

    /**
     * The fewest pairs with which the two-sided test can give p &lt; α (compare's significance
     * rule), looking no further than {@link #EXACT_LIMIT}: 6 pairs at α = 0.05 (2/64 = 0.031),
     * while 5 never can (2/32 = 0.0625).
     */
    public static SampleRequirement pairsToDetect(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1]: " + alpha);
        }
        for (int n = 1; n <= EXACT_LIMIT; n++) {
            if (minimumPValue(n) < alpha) {
                return SampleRequirement.atLeast(n);
            }
        }
        return SampleRequirement.moreThan(EXACT_LIMIT);
    }

    static void requireDifferences(double[] differences) {
        if (differences.length == 0) {
            throw new IllegalArgumentException("no pairs to test");
        }
        for (double d : differences) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("a difference is not a finite number: " + d);
            }
        }
    }

    /**
     * The doubled midranks of the differences whose sign counts, and twice W+: integers, so the
     * exact distribution can be counted over them.
     */
    record SignedRanks(int[] doubled, int doubledPositive) {

        static SignedRanks of(double[] differences, Zeros zeros) {
            double[] kept = zeros == Zeros.DROP
                    ? Arrays.stream(differences).filter(d -> d != 0).toArray()
                    : differences;
            double[] magnitudes = Arrays.stream(kept).map(Math::abs).sorted().toArray();
            int n = magnitudes.length;
            int zeroCount = (int) Arrays.stream(kept).filter(d -> d == 0).count();
            int[] doubled = new int[n - zeroCount];
            int positive = 0;
            int at = 0;
            // Walk the tie groups of |d|; positions p+1 … p+t share the midrank p + (t+1)/2.
            for (int p = 0; p < n; ) {
                int t = 1;
                while (p + t < n && magnitudes[p + t] == magnitudes[p]) {
                    t++;
                }
                if (magnitudes[p] != 0) {
                    int rank = 2 * p + t + 1;
                    for (int k = 0; k < t; k++) {
                        doubled[at++] = rank;
                    }
                    positive += rank * countPositive(kept, magnitudes[p]);
                }
                p += t;
            }
            return new SignedRanks(doubled, positive);
        }

        private static int countPositive(double[] differences, double magnitude) {
            int count = 0;
            for (double d : differences) {
                if (d == magnitude) {
                    count++;
                }
            }
            return count;
        }

        double statistic() {
            return doubledPositive / 2.0;
        }
    }
}
