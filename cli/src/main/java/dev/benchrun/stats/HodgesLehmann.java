package dev.benchrun.stats;

import dev.benchrun.stats.SignedRank.Alternative;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Hodges–Lehmann estimate of a paired change and its distribution-free confidence interval
 * (Hodges &amp; Lehmann 1963; Hollander &amp; Wolfe, <i>Nonparametric Statistical Methods</i>, §3.2–3.3).
 *
 * <p>The estimate is the median of the n(n+1)/2 Walsh averages (dᵢ + dⱼ)/2, i ≤ j: the shift θ
 * at which the signed-rank statistic of d − θ sits at its null mean. On log ratios it is the
 * typical log change, and exp(θ) − 1 the change as a fraction.
 *
 * <p>The interval is the set of shifts θ that the two-sided signed-rank test of d − θ does not
 * reject at α = 1 − confidence (p ≥ α; compare's rule calls p &lt; α significant), so it is the
 * test's own interval: it excludes 0 exactly when the test rejects, but for the borderline case
 * where 0 is itself a Walsh average. W+(θ) only changes where θ crosses a Walsh average, and it
 * equals the number of Walsh averages above θ, so the interval runs between two Walsh averages
 * (closed, as usual). Without ties in the differences the null distribution is the same for every
 * θ and this is the textbook interval [W₍c₎, W₍M+1−c₎], c the smallest w with P(W+ ≤ w) ≥ α/2
 * (R's {@code wilcox.test(conf.int = TRUE)} with {@code exact = TRUE}). With ties the midranks of
 * |d − θ| depend on where θ lies, so each gap between Walsh averages is tested with the exact
 * distribution of its own ranks — consistent with the test, which R's exact interval is not (it
 * falls back to the normal approximation when there are ties).
 *
 * <p>A discrete distribution cannot hit every level: the interval's {@code achievedConfidence},
 * 1 − P(the test rejects at α when nothing changed), is at least the one asked for — with 9 pairs
 * and 95% asked, 96.1%. With too few pairs no shift is ever rejected (2/2ⁿ ≥ α, e.g. 5 pairs at
 * 95%) and the interval is the whole line, achieved confidence 1: the data cannot bound the change.
 * Above {@link SignedRank#EXACT_LIMIT} pairs the test, and so the interval, use the normal
 * approximation and the achieved confidence is reported as the nominal one.
 */
public final class HodgesLehmann {

    public static final double DEFAULT_CONFIDENCE = 0.95;

    private HodgesLehmann() {}

    /**
     * The estimate and interval on the log scale, with the same three as fractional changes
     * (exp(x) − 1: a log change of 0.0953 is +10%).
     */
    public record Interval(
            int pairs, double estimate, double lower, double upper, double confidence, double achievedConfidence) {

        public Interval {
            if (!(lower <= estimate && estimate <= upper)) {
                throw new IllegalArgumentException(
                        "interval out of order: " + lower + " <= " + estimate + " <= " + upper);
            }
            if (!(confidence > 0 && confidence < 1) || !(achievedConfidence >= confidence && achievedConfidence <= 1)) {
                throw new IllegalArgumentException("confidence " + confidence + " and achieved confidence "
                        + achievedConfidence + " out of range");
            }
        }

        /** The estimate as a change: exp(estimate) − 1; +0.10 is 10% slower for a cost. */
        public double change() {
            return Math.expm1(estimate);
        }

        public double lowerChange() {
            return Math.expm1(lower);
        }

        public double upperChange() {
            return Math.expm1(upper);
        }

        public boolean contains(double logChange) {
            return lower <= logChange && logChange <= upper;
        }
    }

    /** The estimate with a 95% interval. */
    public static Interval of(double[] logRatios) {
        return of(logRatios, DEFAULT_CONFIDENCE);
    }

    public static Interval of(double[] logRatios, double confidence) {
        SignedRank.requireDifferences(logRatios);
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        double[] walsh = walshAverages(logRatios);
        double estimate = median(walsh);
        double[] steps = Arrays.stream(walsh).distinct().toArray(); // sorted, so distinct keeps the order
        var shifts = new ShiftedTest(logRatios, steps, 1 - confidence);
        // Gap j is the open interval (steps[j-1], steps[j]); gap 0 starts at -∞, gap steps.length ends at +∞.
        int centre = countAtMost(steps, estimate);
        int first = shifts.firstAccepted(0, centre);
        int last = shifts.lastAccepted(centre, steps.length);
        double lower = first < 0 ? estimate : first == 0 ? Double.NEGATIVE_INFINITY : steps[first - 1];
        double upper = last < 0 ? estimate : last == steps.length ? Double.POSITIVE_INFINITY : steps[last];
        double achieved = Math.max(
                confidence,
                1 - Math.max(shifts.size(first < 0 ? centre : first), shifts.size(last < 0 ? centre : last)));
        return new Interval(
                logRatios.length, estimate, Math.min(lower, estimate), Math.max(upper, estimate), confidence, achieved);
    }

    /** All (dᵢ + dⱼ)/2 with i ≤ j, sorted. */
    static double[] walshAverages(double[] d) {
        int n = d.length;
        double[] walsh = new double[n * (n + 1) / 2];
        int at = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[at++] = walsh(d[i], d[j]);
            }
        }
        Arrays.sort(walsh);
        return walsh;
    }

    /** One expression for every Walsh average, so that comparisons with the sorted ones are exact. */
    private static double walsh(double a, double b) {
        return (a + b) / 2;
    }

    private static double median(double[] sorted) {
        int m = sorted.length;
        return m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
    }

    private static int countAtMost(double[] sorted, double value) {
        int count = 0;
        while (count < sorted.length && sorted[count] <= value) {
            count++;
        }
        return count;
    }

    /**
     * The two-sided signed-rank test of d − θ for θ inside one gap between Walsh averages, where
     * no |dᵢ − θ| is 0 and only equal dᵢ tie. A gap is named by its floor, the Walsh average just
     * below it (−∞ for the first), and every comparison is made against Walsh averages, never
     * against a computed θ: dᵢ lies above θ iff dᵢ &gt; floor, and of a above and b below θ, a is
     * the nearer iff (a + b)/2 ≤ floor.
     */
    private static final class ShiftedTest {
        private final double[] values; // the distinct differences, ascending
        private final int[] counts; // how often each occurs
        private final double[] floors;
        private final double alpha;
        private final boolean exact;
        private final Map<List<Integer>, SignedRankDistribution> distributions = new HashMap<>();

        ShiftedTest(double[] d, double[] steps, double alpha) {
            double[] sorted = d.clone();
            Arrays.sort(sorted);
            this.values = Arrays.stream(sorted).distinct().toArray();
            this.counts = new int[values.length];
            for (double v : sorted) {
                counts[Arrays.binarySearch(values, v)]++;
            }
            this.floors = new double[steps.length + 1];
            floors[0] = Double.NEGATIVE_INFINITY;
            System.arraycopy(steps, 0, floors, 1, steps.length);
            this.alpha = alpha;
            this.exact = d.length <= SignedRank.EXACT_LIMIT;
        }

        /**
         * The first gap in [from, to] the test accepts, or −1. Exact p-values are tried gap by gap,
         * since with ties the acceptance need not be monotone; the normal approximation, used only
         * for many pairs, is monotone in W+ and is searched by bisection.
         */
        int firstAccepted(int from, int to) {
            if (!exact) {
                return accepts(to) ? bisect(from, to, true) : -1;
            }
            for (int j = from; j <= to; j++) {
                if (accepts(j)) {
                    return j;
                }
            }
            return -1;
        }

        int lastAccepted(int from, int to) {
            if (!exact) {
                return accepts(from) ? bisect(from, to, false) : -1;
            }
            for (int j = to; j >= from; j--) {
                if (accepts(j)) {
                    return j;
                }
            }
            return -1;
        }

        /** The boundary of the accepted run that contains the centre end of [from, to]. */
        private int bisect(int from, int to, boolean fromBelow) {
            int lo = from;
            int hi = to;
            while (lo < hi) {
                int mid = fromBelow ? (lo + hi) >>> 1 : (lo + hi + 1) >>> 1;
                if (accepts(mid) == fromBelow) {
                    hi = fromBelow ? mid : mid - 1;
                } else {
                    lo = fromBelow ? mid + 1 : mid;
                }
            }
            return lo;
        }

        boolean accepts(int gap) {
            var ranks = ranksIn(gap);
            double w = ranks.statistic();
            double p = exact
                    ? SignedRank.exactP(distribution(ranks.doubled()), w, Alternative.TWO_SIDED)
                    : SignedRank.normalP(ranks.doubled(), w, Alternative.TWO_SIDED);
            return p >= alpha;
        }

        /** P(the test in this gap rejects when nothing changed); α itself for the approximation. */
        double size(int gap) {
            return exact ? distribution(ranksIn(gap).doubled()).twoSidedSize(alpha) : alpha;
        }

        private SignedRankDistribution distribution(int[] doubled) {
            return distributions.computeIfAbsent(
                    Arrays.stream(doubled).boxed().toList(), key -> new SignedRankDistribution(doubled));
        }

        /** The signed ranks of d − θ for θ in the gap: groups of equal values, nearest to θ first. */
        private SignedRank.SignedRanks ranksIn(int gap) {
            double floor = floors[gap];
            int above = 0;
            while (above < values.length && values[above] <= floor) {
                above++;
            }
            int below = above - 1;
            int n = Arrays.stream(counts).sum();
            int[] doubled = new int[n];
            int positive = 0;
            int position = 0;
            while (below >= 0 || above < values.length) {
                boolean takeAbove =
                        below < 0 || (above < values.length && walsh(values[above], values[below]) <= floor);
                int group = takeAbove ? above++ : below--;
                int t = counts[group];
                int rank = 2 * position + t + 1;
                Arrays.fill(doubled, position, position + t, rank);
                if (takeAbove) {
                    positive += t * rank;
                }
                position += t;
            }
            // The nearest groups come first, so the ranks are already in ascending order.
            return new SignedRank.SignedRanks(doubled, positive);
        }
    }
}
