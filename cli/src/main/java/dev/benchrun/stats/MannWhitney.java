package dev.benchrun.stats;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.commons.numbers.combinatorics.BinomialCoefficientDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Mann-Whitney U test (Mann &amp; Whitney 1947) as benchstat runs it.
 *
 * <p>This follows go-moremath's {@code MannWhitneyUTest} (github.com/aclements/go-moremath,
 * stats/utest.go, BSD-3-Clause, Copyright The Go Authors), which benchstat uses: the exact null
 * distribution of U, tie-aware after Klotz (1966), when both samples have at most 50 values and no
 * ties or at most 25 values with ties; otherwise the normal approximation with tie and continuity
 * corrections. Where the pooled values are all equal the test has nothing to say and p is 1.
 *
 * <p>One deliberate difference: with ties the exact null distribution of U need not be symmetric,
 * so doubling the lower tail of the smaller U (go-moremath's two-sided rule) can double the wrong
 * tail — it returns p = 0 for {@code {1,2,3,5}} against {@code {1,1,1,1,1}}. Here the two-sided p
 * doubles the tail on the side where the observed U fell, which is the same number whenever the
 * distribution is symmetric (always without ties). Likewise the one-sided "greater" p is P(U ≥ u)
 * exactly, where go-moremath takes 1 − P(U ≤ u − 1), which also counts U = u − ½ when ties make
 * that value reachable.
 */
public final class MannWhitney {

    /** Largest sample size for which the exact distribution is used when there are no ties. */
    public static final int EXACT_LIMIT = 50;
    /** Largest sample size for which the exact distribution is used when there are ties. */
    public static final int EXACT_LIMIT_WITH_TIES = 25;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** Without ties the distribution depends only on the sample sizes; compare reuses a handful. */
    private static final ConcurrentMap<Integer, UDistribution> WITHOUT_TIES = new ConcurrentHashMap<>();

    private MannWhitney() {}

    /** The alternative hypothesis, about the location of the first sample relative to the second. */
    public enum Alternative {
        LESS,
        TWO_SIDED,
        GREATER
    }

    /** How the p-value was obtained. */
    public enum Method {
        EXACT,
        NORMAL
    }

    /**
     * The outcome of a test. {@code u} is the first sample's U (pairs with a &gt; b, plus ½ per tie);
     * {@code allEqual} marks the degenerate case where every value was the same and p is 1.
     */
    public record Result(
            int n1, int n2, double u, double pValue, Alternative alternative, Method method, boolean allEqual) {
        public Result {
            if (!(pValue >= 0 && pValue <= 1)) {
                throw new IllegalArgumentException("p-value out of [0, 1]: " + pValue);
            }
        }
    }

    /** The two-sided test, which is what {@code compare} uses. */
    public static Result test(double[] x1, double[] x2) {
        return test(x1, x2, Alternative.TWO_SIDED);
    }

    public static Result test(double[] x1, double[] x2, Alternative alternative) {
        requireSample(x1, "first");
        requireSample(x2, "second");
        int n1 = x1.length;
        int n2 = x2.length;
        var ranks = Ranking.of(x1, x2);
        double u = ranks.rankSumOfFirst() - n1 * (n1 + 1.0) / 2;
        boolean hasTies = ranks.ties().length < n1 + n2;
        boolean exact = hasTies
                ? n1 <= EXACT_LIMIT_WITH_TIES && n2 <= EXACT_LIMIT_WITH_TIES
                : n1 <= EXACT_LIMIT && n2 <= EXACT_LIMIT;
        Method method = exact ? Method.EXACT : Method.NORMAL;
        if (ranks.ties().length == 1) {
            return new Result(n1, n2, u, 1, alternative, method, true);
        }
        double p = exact
                ? exactP(u, distribution(n1, n2, hasTies ? ranks.ties() : null), alternative)
                : normalP(u, n1, n2, ranks.ties(), alternative);
        return new Result(n1, n2, u, p, alternative, method, false);
    }

    private static double exactP(double u, UDistribution dist, Alternative alternative) {
        return switch (alternative) {
            case LESS -> dist.cdf(u);
            case GREATER -> dist.survival(u);
            case TWO_SIDED -> {
                if (u == dist.mean()) {
                    yield 1;
                }
                double tail = u < dist.mean() ? dist.cdf(u) : dist.survival(u);
                yield Math.min(1, 2 * tail);
            }
        };
    }

    /** Normal approximation with the tie correction Σ(t³ − t) and a continuity correction of ½. */
    private static double normalP(double u, int n1, int n2, int[] ties, Alternative alternative) {
        double tieCorrection = 0;
        for (int t : ties) {
            tieCorrection += (double) t * t * t - t;
        }
        double n = n1 + n2;
        double sigma = Math.sqrt(n1 * (double) n2 * ((n + 1) - tieCorrection / (n * (n - 1))) / 12);
        double numerator = u - n1 * (double) n2 / 2;
        return switch (alternative) {
            case LESS -> STANDARD_NORMAL.cumulativeProbability((numerator + 0.5) / sigma);
            case GREATER -> STANDARD_NORMAL.cumulativeProbability(-(numerator - 0.5) / sigma);
            case TWO_SIDED -> {
                double z = (numerator - Math.signum(numerator) * 0.5) / sigma;
                yield Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
            }
        };
    }

    private static UDistribution distribution(int n1, int n2, int[] ties) {
        if (ties != null) {
            return new UDistribution(n1, n2, ties);
        }
        return WITHOUT_TIES.computeIfAbsent(n1 * (EXACT_LIMIT + 1) + n2, key -> new UDistribution(n1, n2));
    }

    /**
     * The smallest two-sided p-value the test can return for these sample sizes: that of two
     * completely separated samples. If it exceeds α, no outcome can be significant.
     */
    public static double minimumPValue(int n1, int n2) {
        if (n1 < 1 || n2 < 1) {
            throw new IllegalArgumentException("sample sizes must be positive, got " + n1 + " and " + n2);
        }
        if (n1 <= EXACT_LIMIT && n2 <= EXACT_LIMIT) {
            // Only one of the C(n1+n2, n1) equally likely arrangements puts every value of the first
            // sample below the second; ties cannot make that rarer.
            return Math.min(1, 2 / BinomialCoefficientDouble.value(n1 + n2, n1));
        }
        double n = n1 + n2;
        double sigma = Math.sqrt(n1 * (double) n2 * (n + 1) / 12);
        double z = (-n1 * (double) n2 / 2 + 0.5) / sigma;
        return 2 * STANDARD_NORMAL.cumulativeProbability(z);
    }

    /**
     * The smallest equal sample size per side with which the two-sided test can reach p ≤ α,
     * looking no further than {@link #EXACT_LIMIT} values per side (benchstat looks up to 9).
     */
    public static SampleRequirement samplesToDetect(double alpha) {
        for (int n = 1; n <= EXACT_LIMIT; n++) {
            if (minimumPValue(n, n) <= alpha) {
                return SampleRequirement.atLeast(n);
            }
        }
        return SampleRequirement.moreThan(EXACT_LIMIT);
    }

    private static void requireSample(double[] x, String which) {
        if (x.length == 0) {
            throw new IllegalArgumentException("the " + which + " sample is empty");
        }
        for (double v : x) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("the " + which + " sample contains NaN");
            }
        }
    }

    /** Midranks of the pooled sample: the first sample's rank sum and the sizes of the tie groups. */
    private record Ranking(double rankSumOfFirst, int[] ties) {
        static Ranking of(double[] x1, double[] x2) {
            int n = x1.length + x2.length;
            double[] a = x1.clone();
            double[] b = x2.clone();
            Arrays.sort(a);
            Arrays.sort(b);
            double rankSum = 0;
            int[] ties = new int[n];
            int groups = 0;
            int i = 0;
            int j = 0;
            int position = 0; // values already consumed from both samples
            while (i < a.length || j < b.length) {
                double v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
                int fromFirst = 0;
                int size = 0;
                while (i < a.length && a[i] == v) {
                    i++;
                    fromFirst++;
                    size++;
                }
                while (j < b.length && b[j] == v) {
                    j++;
                    size++;
                }
                // Ranks position+1 … position+size share the midrank.
                rankSum += fromFirst * (position + 1 + position + size) / 2.0;
                ties[groups++] = size;
                position += size;
            }
            return new Ranking(rankSum, Arrays.copyOf(ties, groups));
        }
    }
}
