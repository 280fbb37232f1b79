package dev.benchrun.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Whether a series drifts: the Mann–Kendall trend test and the Theil–Sen slope.
 *
 * <p>Mann–Kendall (Mann 1945; Kendall 1975; as in Gilbert 1987, ch. 16, and R's
 * {@code trend::mk.test}): S = Σ_{i<j} sgn(x_j − x_i), whose variance under "no trend" with the
 * tie correction is [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18 over the groups of t equal values. The
 * two-sided p-value comes from the exact null distribution of S for up to {@link #EXACT_LIMIT}
 * values without ties (as Gilbert's table: every order of the values equally likely, S counted by
 * Kendall's recursion on the number of inversions), else from the normal approximation with the
 * continuity correction, z = (S − sgn S) / √Var(S). For the short series of a fork's iterations
 * the exact p is the one to use: the normal one is conservative there (n = 8 in order: exact
 * 0.00005, normal 0.0008; n = 5 in order cannot reach 0.01 either way).
 *
 * <p>Theil–Sen (Theil 1950; Sen 1968): the median of the slopes (x_j − x_i) / (j − i) over all
 * pairs i &lt; j, a per-step drift that one outlier cannot move.
 */
public final class Trend {

    /** Longest series without ties for which the exact distribution of S is used. */
    public static final int EXACT_LIMIT = 10;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Trend() {}

    /** How the p-value was obtained. */
    public enum Method {
        EXACT,
        NORMAL
    }

    /**
     * The outcome for one series.
     *
     * @param s Mann–Kendall's S: positive when later values tend to be larger
     * @param variance Var(S) under no trend, tie-corrected
     * @param z the continuity-corrected normal score (whichever method gave p); 0 when S is 0
     * @param pValue two-sided; 1 when every value is the same
     * @param slope Theil–Sen: the median change per step of the series
     */
    public record Result(int n, long s, double variance, double z, double pValue, Method method, double slope) {
        public Result {
            if (!(pValue >= 0 && pValue <= 1)) {
                throw new IllegalArgumentException("p-value out of [0, 1]: " + pValue);
            }
        }

        /** The drift over the whole series, first step to last: slope × (n − 1). */
        public double drift() {
            return slope * (n - 1);
        }
    }

    /**
     * The trend test and the slope of a series given in its order (at least two values, no NaN):
     * exact where it can be, else normal.
     */
    public static Result of(double[] series) {
        return of(series, exactApplies(series) ? Method.EXACT : Method.NORMAL);
    }

    /** The same with the method chosen: EXACT needs at most {@link #EXACT_LIMIT} values, all distinct. */
    public static Result of(double[] series, Method method) {
        int n = series.length;
        if (n < 2) {
            throw new IllegalArgumentException("a trend needs at least two values, got " + n);
        }
        for (double v : series) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("the series contains NaN");
            }
        }
        if (method == Method.EXACT && !exactApplies(series)) {
            throw new IllegalArgumentException(
                    "the exact distribution is for at most " + EXACT_LIMIT + " distinct values, got " + n);
        }
        long s = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                s += series[j] > series[i] ? 1 : series[j] < series[i] ? -1 : 0;
            }
        }
        double variance = variance(series);
        double z = s == 0 || variance == 0 ? 0 : (s - Math.signum((double) s)) / Math.sqrt(variance);
        double p;
        if (variance == 0) {
            p = 1;
        } else if (method == Method.EXACT) {
            p = Math.min(1, 2 * exactUpperTail(n, Math.abs(s)));
        } else {
            p = Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
        }
        return new Result(n, s, variance, z, p, method, theilSen(series));
    }

    /**
     * The trend common to several series measured alike (the seasonal Kendall test of Hirsch, Slack
     * and Smith 1982, each series a "season"): S summed over the series, Var(S) summed (the series
     * are independent), the continuity-corrected normal score and its two-sided p. Series that agree
     * in direction add up, so forks too short to show a trend alone can show it together.
     *
     * @return the combined S, variance, z and p; {@code n} the values in all, the slope the median of
     *     the series' slopes
     */
    public static Result combined(List<Result> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("combining needs at least one series");
        }
        long s = 0;
        double variance = 0;
        int n = 0;
        double[] slopes = new double[series.size()];
        for (int i = 0; i < series.size(); i++) {
            var r = series.get(i);
            s += r.s();
            variance += r.variance();
            n += r.n();
            slopes[i] = r.slope();
        }
        double z = s == 0 || variance == 0 ? 0 : (s - Math.signum((double) s)) / Math.sqrt(variance);
        double p = variance == 0 ? 1 : Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
        return new Result(n, s, variance, z, p, Method.NORMAL, Summary.median(slopes));
    }

    private static boolean exactApplies(double[] series) {
        if (series.length > EXACT_LIMIT) {
            return false;
        }
        double[] sorted = series.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * P(S ≥ s) when all n! orders are equally likely. S = M − 2·I with M = n(n−1)/2 pairs and I the
     * number of inversions, whose counts follow Kendall's recursion: inserting the k-th value adds
     * 0 … k−1 inversions.
     */
    static double exactUpperTail(int n, long s) {
        int pairs = n * (n - 1) / 2;
        long[] counts = {1};
        for (int k = 2; k <= n; k++) {
            long[] next = new long[counts.length + k - 1];
            for (int i = 0; i < counts.length; i++) {
                for (int added = 0; added < k; added++) {
                    next[i + added] += counts[i];
                }
            }
            counts = next;
        }
        long orders = 0;
        long atLeast = 0;
        for (int inversions = 0; inversions < counts.length; inversions++) {
            orders += counts[inversions];
            if (pairs - 2L * inversions >= s) {
                atLeast += counts[inversions];
            }
        }
        return atLeast / (double) orders;
    }

    /** Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18, the sum over the groups of t tied values. */
    private static double variance(double[] series) {
        double n = series.length;
        double[] sorted = series.clone();
        Arrays.sort(sorted);
        double ties = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            ties += t * (t - 1) * (2 * t + 5);
            i = j;
        }
        return (n * (n - 1) * (2 * n + 5) - ties) / 18;
    }

    /** The median of the pairwise slopes (x_j − x_i) / (j − i). */
    private static double theilSen(double[] series) {
        int n = series.length;
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                slopes[k++] = (series[j] - series[i]) / (j - i);
            }
        }
        Arrays.sort(slopes);
        return Summary.medianOfSorted(slopes);
    }
}
