package dev.benchrun.stats;

/**
 * The ratio of means of two benchmarks with a hierarchical-bootstrap confidence interval
 * (Kalibera &amp; Jones, "Quantifying Performance Changes with Effect Size Confidence Intervals",
 * 2012, and "Rigorous Benchmarking in Reasonable Time", ISMM 2013).
 *
 * <p>Each side is a set of forks (JVM invocations), each a run of measurement iterations. A JVM
 * run carries its own offset — JIT decisions, memory layout — so iterations of one fork are not
 * independent draws and a flat bootstrap of the pooled iterations understates the uncertainty.
 * Each resample therefore draws forks with replacement, then iterations with replacement within
 * every drawn fork, on each side independently, and takes the ratio candidate / baseline of the
 * grand means. The interval is the percentile interval of those ratios.
 *
 * <p>The grand mean of a side is the mean of its fork means, so each fork counts once however many
 * iterations it has; when all forks have the same length, as JMH runs them, this is the plain mean
 * of all iterations. With a single fork only iterations are resampled.
 *
 * <p>Results are a pure function of the input and the seed; the class holds no mutable state, so
 * calls may run on any number of threads at once.
 */
public final class Bootstrap {

    public static final int DEFAULT_RESAMPLES = 10_000;
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private Bootstrap() {}

    /**
     * The ratio candidate / baseline of the grand means with a percentile interval.
     *
     * @param estimate the ratio of the grand means of the data as measured
     */
    public record RatioInterval(double estimate, double lower, double upper, double confidence, int resamples) {

        public RatioInterval {
            if (!(lower <= upper)) {
                throw new IllegalArgumentException("interval bounds out of order: " + lower + " > " + upper);
            }
        }

        public boolean contains(double ratio) {
            return lower <= ratio && ratio <= upper;
        }
    }

    /** {@link #DEFAULT_RESAMPLES} resamples at {@link #DEFAULT_CONFIDENCE}. */
    public static RatioInterval ratioOfMeans(double[][] baseline, double[][] candidate, long seed) {
        return ratioOfMeans(baseline, candidate, DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE, seed);
    }

    /**
     * @param baseline  forks × iterations; values must be positive so every resampled mean is too
     * @param candidate forks × iterations; values must be finite and non-negative
     * @param seed      the same input and seed always give the same interval
     */
    public static RatioInterval ratioOfMeans(double[][] baseline, double[][] candidate, int resamples,
            double confidence, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive: " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        var base = Side.of(baseline, "baseline", true);
        var cand = Side.of(candidate, "candidate", false);
        var random = new SplitMix64(seed);
        double[] ratios = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double baseMean = base.resampledMean(random);
            ratios[b] = cand.resampledMean(random) / baseMean;
        }
        // Nearest-rank percentiles, rounded outwards, equally many resamples cut from each end.
        double tail = (1 - confidence) / 2;
        int lowRank = (int) Math.floor((resamples - 1) * tail);
        int highRank = resamples - 1 - lowRank;
        double lower = Selection.select(ratios, 0, resamples - 1, lowRank);
        double upper = Selection.select(ratios, lowRank, resamples - 1, highRank);
        return new RatioInterval(cand.mean() / base.mean(), lower, upper, confidence, resamples);
    }

    /**
     * One side's grand mean with a percentile interval from the same two-level resampling, for
     * showing each side as "mean ± interval" beside the ratio.
     */
    public static RatioInterval mean(double[][] side, int resamples, double confidence, long seed) {
        if (resamples < 1 || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("need resamples > 0 and confidence in (0, 1)");
        }
        var data = Side.of(side, "sample", false);
        var random = new SplitMix64(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            means[b] = data.resampledMean(random);
        }
        double tail = (1 - confidence) / 2;
        int lowRank = (int) Math.floor((resamples - 1) * tail);
        int highRank = resamples - 1 - lowRank;
        double lower = Selection.select(means, 0, resamples - 1, lowRank);
        double upper = Selection.select(means, lowRank, resamples - 1, highRank);
        return new RatioInterval(data.mean(), lower, upper, confidence, resamples);
    }

    /**
     * SplitMix64 (Steele, Lea &amp; Flood 2014), the generator inside {@link java.util.SplittableRandom},
     * written out so that its state can live in a register for the hot loop: from the same seed it
     * yields exactly the sequence of {@code new SplittableRandom(seed).nextLong()}. One instance per
     * call, never shared.
     */
    private static final class SplitMix64 {
        private static final long GOLDEN_GAMMA = 0x9e37_79b9_7f4a_7c15L;
        private long state;

        SplitMix64(long seed) {
            this.state = seed;
        }

        long nextLong() {
            long z = (state += GOLDEN_GAMMA);
            z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
            return z ^ (z >>> 31);
        }

        int nextInt() {
            return (int) (nextLong() >>> 32);
        }
    }

    /**
     * One side's iterations, flattened into one array with each fork's offset and length.
     *
     * <p>The sum of two iterations drawn with replacement from a fork of m values is uniform over
     * the m² ordered pairs, so for forks that are not too long the side also keeps a table of all
     * pair sums and draws half as many table entries: the same distribution for half the random
     * numbers and additions, which is what makes 10,000 resamples cheap enough for every benchmark
     * of a suite.
     */
    private static final class Side {
        /** Forks longer than this resample iteration by iteration (a pair table would be > 32 KiB). */
        private static final int PAIR_TABLE_MAX_LENGTH = 64;

        private final double[] values;
        private final int[] offsets;
        private final int[] lengths;
        private final double[] inverseLengths;
        private final double[] pairSums;
        private final int[] pairOffsets; // -1 where the fork has no pair table
        private final int forks;

        private Side(double[] values, int[] offsets, int[] lengths) {
            this.values = values;
            this.offsets = offsets;
            this.lengths = lengths;
            this.forks = lengths.length;
            this.inverseLengths = new double[forks];
            this.pairOffsets = new int[forks];
            int pairTotal = 0;
            for (int f = 0; f < forks; f++) {
                inverseLengths[f] = 1.0 / lengths[f];
                int m = lengths[f];
                pairOffsets[f] = m >= 2 && m <= PAIR_TABLE_MAX_LENGTH ? pairTotal : -1;
                pairTotal += pairOffsets[f] >= 0 ? m * m : 0;
            }
            this.pairSums = new double[pairTotal];
            for (int f = 0; f < forks; f++) {
                if (pairOffsets[f] >= 0) {
                    int m = lengths[f];
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < m; j++) {
                            pairSums[pairOffsets[f] + i * m + j] = values[offsets[f] + i] + values[offsets[f] + j];
                        }
                    }
                }
            }
        }

        static Side of(double[][] forks, String name, boolean strictlyPositive) {
            if (forks.length == 0) {
                throw new IllegalArgumentException("the " + name + " has no forks");
            }
            int total = 0;
            for (double[] fork : forks) {
                if (fork.length == 0) {
                    throw new IllegalArgumentException("the " + name + " has a fork without iterations");
                }
                total += fork.length;
            }
            double[] values = new double[total];
            int[] offsets = new int[forks.length];
            int[] lengths = new int[forks.length];
            int at = 0;
            for (int f = 0; f < forks.length; f++) {
                for (double v : forks[f]) {
                    if (!Double.isFinite(v) || v < 0 || (strictlyPositive && v == 0)) {
                        throw new IllegalArgumentException("the " + name + " has a value the ratio of means cannot use: "
                                + v + (strictlyPositive ? " (must be positive)" : " (must be finite, not negative)"));
                    }
                }
                System.arraycopy(forks[f], 0, values, at, forks[f].length);
                offsets[f] = at;
                lengths[f] = forks[f].length;
                at += forks[f].length;
            }
            return new Side(values, offsets, lengths);
        }

        /** The grand mean of the data as measured. */
        double mean() {
            double total = 0;
            for (int f = 0; f < forks; f++) {
                double sum = 0;
                for (int i = 0; i < lengths[f]; i++) {
                    sum += values[offsets[f] + i];
                }
                total += sum * inverseLengths[f];
            }
            return total / forks;
        }

        /** The grand mean of one two-level resample: forks with replacement, then iterations within each. */
        double resampledMean(SplitMix64 random) {
            double total = 0;
            for (int f = 0; f < forks; f++) {
                int fork = forks == 1 ? 0 : below(random.nextInt(), forks);
                total += resampledSum(random, fork) * inverseLengths[fork];
            }
            return total / forks;
        }

        /**
         * The sum of as many iterations as the fork has, drawn with replacement: pairs from the pair
         * table while two or more remain, single values otherwise. Two accumulators let consecutive
         * additions overlap instead of waiting on each other.
         */
        private double resampledSum(SplitMix64 random, int fork) {
            int length = lengths[fork];
            int remaining = length;
            double even = 0;
            double odd = 0;
            int pairOffset = pairOffsets[fork];
            if (pairOffset >= 0) {
                int pairs = length * length;
                for (; remaining >= 4; remaining -= 4) {
                    long bits = random.nextLong();
                    even += pairSums[pairOffset + below((int) (bits >>> 32), pairs)];
                    odd += pairSums[pairOffset + below((int) bits, pairs)];
                }
                if (remaining >= 2) {
                    even += pairSums[pairOffset + below(random.nextInt(), pairs)];
                    remaining -= 2;
                }
            }
            int offset = offsets[fork];
            for (; remaining >= 2; remaining -= 2) {
                long bits = random.nextLong();
                even += values[offset + below((int) (bits >>> 32), length)];
                odd += values[offset + below((int) bits, length)];
            }
            if (remaining == 1) {
                odd += values[offset + below(random.nextInt(), length)];
            }
            return even + odd;
        }

        /**
         * A uniform index in [0, bound) from 32 random bits by multiply-and-shift (Lemire 2019); the
         * bias, at most bound / 2³², is far below anything a percentile of 10,000 resamples can show.
         */
        private static int below(int bits, int bound) {
            return (int) (((bits & 0xFFFF_FFFFL) * bound) >>> 32);
        }
    }
}
