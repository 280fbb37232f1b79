package dev.benchrun.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

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
 * <p>Two small-sample corrections make the interval honest with the 2–5 forks benchmarks are
 * usually run with; without them a 95% interval from 2 forks a side covered the truth in only
 * about 88% of simulated comparisons:
 *
 * <ol>
 *   <li><b>Rescaling</b> (Rao &amp; Wu 1988, "Resampling inference with complex survey data", JASA
 *       83: 231–241). Drawing k fork means with replacement gives their mean a variance of
 *       (k − 1)/k times the plug-in estimate — half of it at k = 2. Each resampled fork deviation
 *       from the grand mean is therefore stretched by √(k / (k − 1)), and each resampled iteration
 *       deviation from its fork's mean by √(m / (m − 1)), which makes the bootstrap variance of
 *       each level unbiased. Resampling both levels counts the iteration noise twice (it is already
 *       part of the spread of the fork means; Davison &amp; Hinkley 1997, §3.8), which errs on the
 *       wide side by at most the iteration term.</li>
 *   <li><b>Student-t calibration</b>. A percentile interval behaves like a normal interval with
 *       a known variance, but here the variance rests on a handful of fork means. The interval's
 *       distances from the estimate are multiplied by t<sub>ν</sub> / z, the ratio of the Student-t
 *       and normal quantiles, where ν is the Welch–Satterthwaite degrees of freedom (Satterthwaite
 *       1946, Biometrics Bulletin 2: 110–114) of the two variance terms the bootstrap rests on:
 *       the spread of fork means (Σ(k − 1) degrees of freedom) and the spread of iterations within
 *       forks (Σ(m − 1)). Both are pooled over the two sides on the relative scale, as a pooled
 *       two-sample t test does: the same benchmark on the same machine has the same relative noise
 *       on both sides when nothing changed, which is the case a false alarm comes from. With many
 *       forks ν is large and the factor tends to 1.</li>
 * </ol>
 *
 * <p>Results are a pure function of the input and the seed; the class holds no mutable state, so
 * calls may run on any number of threads at once.
 */
public final class Bootstrap {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

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

    /**
     * @param baseline  forks × iterations; values must be positive so every resampled mean is too
     * @param candidate forks × iterations; values must be finite and non-negative
     * @param seed      the same input and seed always give the same interval
     */
    public static RatioInterval ratioOfMeans(
            double[][] baseline, double[][] candidate, int resamples, double confidence, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive: " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        var base = Side.of(baseline, "baseline", true);
        var cand = Side.of(candidate, "candidate", false);
        double[] ratios = new double[resamples];
        // With the same stretch on both sides, the rescaled ratio is a monotone function of the
        // plain one, R·(r/R)^s, so the rescaling moves to the two percentile bounds instead of
        // costing a log and an exp in every resample.
        boolean boundsOnly = base.stretch == cand.stretch;
        if (boundsOnly && base.uniformLength > 0 && cand.uniformLength > 0) {
            // Each side takes a fixed count of numbers per resample, so the generator's state stays
            // in a local that skips past them (see SplitMix64): the same numbers, with no object
            // between the loop and the resampling.
            long state = seed;
            long baseSkip = base.uniformSkip;
            long candSkip = cand.uniformSkip;
            for (int b = 0; b < resamples; b++) {
                double baseMean = base.uniformMean(state);
                state += baseSkip;
                double candMean = cand.uniformMean(state);
                state += candSkip;
                ratios[b] = baseMean > 0 ? candMean / baseMean : Double.POSITIVE_INFINITY;
            }
        } else {
            var random = new SplitMix64(seed);
            for (int b = 0; b < resamples; b++) {
                double baseMean = boundsOnly ? base.plainResampledMean(random) : base.resampledMean(random);
                double candMean = boundsOnly ? cand.plainResampledMean(random) : cand.resampledMean(random);
                ratios[b] = baseMean > 0 ? candMean / baseMean : Double.POSITIVE_INFINITY;
            }
        }
        double estimate = cand.mean() / base.mean();
        double stretch = studentStretch(VarianceTerms.pooled(base, cand), confidence);
        return percentileInterval(ratios, estimate, boundsOnly ? stretch * base.stretch : stretch, confidence);
    }

    /**
     * One side's grand mean with a percentile interval from the same two-level resampling, for
     * showing each side as "mean ± interval" beside the ratio. Display only: it is not Student-t
     * calibrated, because with two or three forks that calibration (t with one or two degrees of
     * freedom) makes a single side's interval many times its mean, which says nothing a reader can
     * use; the ratio's interval, which decides verdicts, keeps it.
     */
    public static RatioInterval mean(double[][] side, int resamples, double confidence, long seed) {
        if (resamples < 1 || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("need resamples > 0 and confidence in (0, 1)");
        }
        var data = Side.of(side, "sample", false);
        double[] means = new double[resamples];
        if (data.uniformLength > 0) {
            // The state in a local, as in ratioOfMeans.
            long state = seed;
            long skip = data.uniformSkip;
            for (int b = 0; b < resamples; b++) {
                means[b] = data.uniformMean(state);
                state += skip;
            }
        } else {
            var random = new SplitMix64(seed);
            for (int b = 0; b < resamples; b++) {
                means[b] = data.plainResampledMean(random);
            }
        }
        // The rescaling is monotone, so it is applied to the bounds (see ratioOfMeans).
        return percentileInterval(means, data.mean(), data.stretch, confidence);
    }

    /**
     * The nearest-rank percentile interval of the resampled values (rounded outwards, equally many
     * resamples cut from each end), its distances from the estimate multiplied by {@code stretch}
     * on the log scale: for bounds near the estimate the same as stretching the distances, and a
     * ratio or mean, which is positive, keeps a positive lower bound however wide the interval.
     */
    private static RatioInterval percentileInterval(
            double[] resampled, double estimate, double stretch, double confidence) {
        int n = resampled.length;
        int lowRank = (int) Math.floor((n - 1) * (1 - confidence) / 2);
        var bounds = Tails.of(resampled, lowRank);
        double lower = bounds.lower();
        double upper = bounds.upper();
        if (estimate > 0) {
            lower = lower > 0 ? estimate * Math.pow(lower / estimate, stretch) : 0;
            upper = estimate * Math.pow(upper / estimate, stretch);
        }
        return new RatioInterval(estimate, Math.min(lower, estimate), Math.max(upper, estimate), confidence, n);
    }

    /**
     * t<sub>ν</sub> / z at the interval's two-sided level, ν by Welch–Satterthwaite from the
     * variance terms; 1 where there is no variance to calibrate (every value equal, or no term with
     * a degree of freedom).
     */
    private static double studentStretch(VarianceTerms terms, double confidence) {
        double nu = terms.degreesOfFreedom();
        if (!(nu > 0) || Double.isInfinite(nu)) {
            return 1;
        }
        double p = (1 + confidence) / 2;
        return new TDistribution(null, nu).inverseCumulativeProbability(p)
                / STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /**
     * The two terms the bootstrap variance of a (ratio of) grand mean(s) rests on, on the relative
     * scale: the spread of fork means and the spread of iterations within forks, each pooled over
     * the sides and weighted as it enters the variance of the grand means, with its degrees of
     * freedom.
     */
    private record VarianceTerms(double forkTerm, int forkDf, double iterationTerm, int iterationDf) {

        static VarianceTerms pooled(Side... sides) {
            double forkSquares = 0;
            double iterationSquares = 0;
            double forkWeight = 0;
            double iterationWeight = 0;
            int forkDf = 0;
            int iterationDf = 0;
            for (Side side : sides) {
                forkSquares += side.relativeForkSquares();
                forkDf += side.forks - 1;
                forkWeight += 1.0 / side.forks;
                iterationSquares += side.relativeIterationSquares();
                iterationDf += side.iterationDf();
                iterationWeight += side.inverseLengthSum() / ((double) side.forks * side.forks);
            }
            double forkTerm = forkDf == 0 ? 0 : forkSquares / forkDf * forkWeight;
            double iterationTerm = iterationDf == 0 ? 0 : iterationSquares / iterationDf * iterationWeight;
            return new VarianceTerms(forkTerm, forkDf, iterationTerm, iterationDf);
        }

        /** Welch–Satterthwaite: (a + b)² / (a² / df_a + b² / df_b); NaN without variance. */
        double degreesOfFreedom() {
            double total = forkTerm + iterationTerm;
            double spread = (forkDf == 0 ? 0 : forkTerm * forkTerm / forkDf)
                    + (iterationDf == 0 ? 0 : iterationTerm * iterationTerm / iterationDf);
            return total > 0 && spread > 0 ? total * total / spread : Double.NaN;
        }
    }

    /**
     * SplitMix64 (Steele, Lea &amp; Flood 2014), the generator inside {@link java.util.SplittableRandom},
     * written out so that its state can live in a register for the hot loop: from the same seed it
     * yields exactly the sequence of {@code new SplittableRandom(seed).nextLong()}. One instance per
     * call, never shared. A resample reads the state into a local, advances it by {@link #GOLDEN_GAMMA}
     * and {@link #mix}es each step, and stores it back once, so the generator's one dependency chain
     * is an addition in a register rather than a load and a store per number.
     *
     * <p>The i-th number after a state s is {@code mix(s + i·γ)}: a function of its position alone.
     * A resample whose count of numbers is known in advance (every uniform side's is) can therefore
     * take the state as a value, compute its numbers in whatever order keeps the processor busy,
     * and leave the caller to skip the state past them, with every number the same as drawing one
     * after another.
     */
    private static final class SplitMix64 {
        static final long GOLDEN_GAMMA = 0x9e37_79b9_7f4a_7c15L;
        long state;

        SplitMix64(long seed) {
            this.state = seed;
        }

        /** The output for an already advanced state. */
        static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
            return z ^ (z >>> 31);
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
        /** The fork length {@link #tenIterationMean} is written out for, and its pair table's size. */
        private static final int TEN_ITERATIONS = 10;

        private static final int TEN_ITERATION_PAIRS = TEN_ITERATIONS * TEN_ITERATIONS;

        private final double[] values;
        private final int[] offsets;
        private final int[] lengths;
        private final double[] inverseLengths;
        private final double[] pairSums;
        private final int[] pairOffsets; // -1 where the fork has no pair table
        /** The forks' one length where all have it and a pair table (as JMH runs them), else 0. */
        private final int uniformLength;
        /**
         * A uniform fork's steps: m / 4 numbers of two pairs each, one more number for a pair where
         * m mod 4 ≥ 2, and one for a single value where m is odd. {@link #uniformResampledMean}
         * takes them, and {@link #uniformSkip} counts them.
         */
        private final int uniformSteps;

        private final boolean uniformPairMore;
        private final boolean uniformOneMore;
        /**
         * How far one resample of a uniform side moves the generator's state: its count of random
         * numbers, which does not depend on the forks it draws, times {@link SplitMix64#GOLDEN_GAMMA}.
         */
        private final long uniformSkip;
        /** Whether {@link #uniformMean} takes {@link #tenIterationMean}'s written-out path. */
        private final boolean tenIterations;

        private final int forks;
        private final double[] forkMeans;
        private final double grandMean;
        /** Rao &amp; Wu's stretch of resampled deviations (see {@link #resampledMean}). */
        private final double stretch;

        private Side(double[] values, int[] offsets, int[] lengths) {
            this.values = values;
            this.offsets = offsets;
            this.lengths = lengths;
            this.forks = lengths.length;
            this.inverseLengths = new double[forks];
            this.forkMeans = new double[forks];
            double total = 0;
            int shortest = Integer.MAX_VALUE;
            for (int f = 0; f < forks; f++) {
                int m = lengths[f];
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    sum += values[offsets[f] + i];
                }
                forkMeans[f] = sum / m;
                total += forkMeans[f];
                shortest = Math.min(shortest, m);
            }
            this.grandMean = total / forks;
            // √(k/(k−1)) for the fork level, which dominates whenever forks differ; with one fork,
            // √(m/(m−1)) for its iterations.
            this.stretch = forks > 1
                    ? Math.sqrt(forks / (forks - 1.0))
                    : shortest > 1 ? Math.sqrt(shortest / (shortest - 1.0)) : 1;
            this.pairOffsets = new int[forks];
            int pairTotal = 0;
            for (int f = 0; f < forks; f++) {
                inverseLengths[f] = 1.0 / lengths[f];
                int m = lengths[f];
                pairOffsets[f] = m >= 2 && m <= PAIR_TABLE_MAX_LENGTH ? pairTotal : -1;
                pairTotal += pairOffsets[f] >= 0 ? m * m : 0;
            }
            boolean uniform = true;
            for (int f = 0; f < forks; f++) {
                uniform &= lengths[f] == lengths[0] && pairOffsets[f] >= 0;
            }
            this.uniformLength = uniform ? lengths[0] : 0;
            int length = uniformLength;
            this.uniformSteps = length / 4;
            this.uniformPairMore = (length & 2) != 0;
            this.uniformOneMore = (length & 1) != 0;
            int uniformNumbers = (forks > 1 ? forks : 0)
                    + forks * (uniformSteps + (uniformPairMore ? 1 : 0) + (uniformOneMore ? 1 : 0));
            this.uniformSkip = uniformNumbers * SplitMix64.GOLDEN_GAMMA;
            this.tenIterations = length == TEN_ITERATIONS && forks > 1;
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
                        throw new IllegalArgumentException("the " + name
                                + " has a value the ratio of means cannot use: " + v
                                + (strictlyPositive ? " (must be positive)" : " (must be finite, not negative)"));
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
            return grandMean;
        }

        /**
         * The grand mean of one two-level resample — forks with replacement, then iterations within
         * each — rescaled after Rao &amp; Wu. The stretch is applied to the log of the resampled mean
         * relative to the grand mean: to first order the same as stretching the deviation, but a
         * resample of forks that differ several-fold stays positive instead of crossing zero.
         */
        double resampledMean(SplitMix64 random) {
            double plain = plainResampledMean(random);
            if (plain <= 0 || grandMean <= 0 || stretch == 1) {
                return plain;
            }
            return grandMean * Math.exp(stretch * Math.log(plain / grandMean));
        }

        /**
         * The grand mean of one two-level resample, before rescaling: for each of the k drawn forks
         * (a uniform fork index from the upper 32 bits of one number, none with one fork), as many of
         * its iterations drawn with replacement — pairs from the pair table while two or more remain,
         * two indexes from each number's two halves, then single values — summed in two
         * accumulators that let consecutive additions overlap instead of waiting on each other.
         */
        double plainResampledMean(SplitMix64 random) {
            if (uniformLength > 0) {
                long state = random.state;
                random.state = state + uniformSkip;
                return uniformMean(state);
            }
            long state = random.state;
            double total = 0;
            for (int f = 0; f < forks; f++) {
                int fork = 0;
                if (forks > 1) {
                    fork = upper(SplitMix64.mix(state += SplitMix64.GOLDEN_GAMMA), forks);
                }
                int length = lengths[fork];
                int remaining = length;
                double even = 0;
                double odd = 0;
                int pairOffset = pairOffsets[fork];
                if (pairOffset >= 0) {
                    int pairs = length * length;
                    for (; remaining >= 4; remaining -= 4) {
                        long bits = SplitMix64.mix(state += SplitMix64.GOLDEN_GAMMA);
                        even += pairSums[pairOffset + upper(bits, pairs)];
                        odd += pairSums[pairOffset + lower(bits, pairs)];
                    }
                    if (remaining >= 2) {
                        long bits = SplitMix64.mix(state += SplitMix64.GOLDEN_GAMMA);
                        even += pairSums[pairOffset + upper(bits, pairs)];
                        remaining -= 2;
                    }
                }
                int offset = offsets[fork];
                for (; remaining >= 2; remaining -= 2) {
                    long bits = SplitMix64.mix(state += SplitMix64.GOLDEN_GAMMA);
                    even += values[offset + upper(bits, length)];
                    odd += values[offset + lower(bits, length)];
                }
                if (remaining == 1) {
                    long bits = SplitMix64.mix(state += SplitMix64.GOLDEN_GAMMA);
                    odd += values[offset + upper(bits, length)];
                }
                total += (even + odd) * inverseLengths[fork];
            }
            random.state = state;
            return total / forks;
        }

        /**
         * {@link #plainResampledMean} of a uniform side from the state its numbers start at, by the
         * written-out path where there is one; small enough for C1 to inline into the callers' loops.
         */
        private double uniformMean(long state) {
            return tenIterations ? tenIterationMean(state) : uniformResampledMean(state);
        }

        /**
         * {@link #plainResampledMean} where every fork has the same length m and a pair table: the
         * same numbers drawn and added in the same order, with the fork's offsets computed rather
         * than loaded and the steps ({@link #uniformSteps}) fixed before the loop. The caller has skipped the
         * generator past the resample's numbers ({@link #uniformSkip}), so the state is a plain local here
         * (see {@link SplitMix64}); the fields are read once into locals, which C1, the compiler of
         * benchrun's own JVM, does not reliably do itself across a loop's blocks.
         */
        private double uniformResampledMean(long state) {
            double[] pairSums = this.pairSums;
            int forks = this.forks;
            int length = uniformLength;
            int pairs = length * length;
            int steps = uniformSteps;
            boolean onePairMore = uniformPairMore;
            boolean oneMore = uniformOneMore;
            double inverseLength = inverseLengths[0];
            double total = 0;
            for (int f = 0; f < forks; f++) {
                int fork = 0;
                if (forks > 1) {
                    fork = upper(SplitMix64.mix(state += SplitMix64.GOLDEN_GAMMA), forks);
                }
                int pairOffset = fork * pairs;
                double even = 0;
                double odd = 0;
                for (int step = 0; step < steps; step++) {
                    long bits = SplitMix64.mix(state += SplitMix64.GOLDEN_GAMMA);
                    even += pairSums[pairOffset + upper(bits, pairs)];
                    odd += pairSums[pairOffset + lower(bits, pairs)];
                }
                if (onePairMore) {
                    long bits = SplitMix64.mix(state += SplitMix64.GOLDEN_GAMMA);
                    even += pairSums[pairOffset + upper(bits, pairs)];
                }
                if (oneMore) {
                    long bits = SplitMix64.mix(state += SplitMix64.GOLDEN_GAMMA);
                    odd += values[fork * length + upper(bits, length)];
                }
                total += (even + odd) * inverseLength;
            }
            return total / forks;
        }

        /**
         * {@link #uniformResampledMean} for forks of {@value #TEN_ITERATIONS} iterations, the length of a
         * typical JMH measurement, written out: per fork one number for the fork and three for its
         * five pairs (two, two, and one from the upper half), with no inner loop and no branch. C1
         * keeps a straight run of code in registers and lets the processor overlap the three
         * numbers' multiplications, where the loop's back edge, safepoint poll and tail tests cost
         * about a fifth of the resample. Each sum starts at its first pair instead of 0 + it, which
         * differs only for a pair sum of −0 and then only in the sign of a zero, which the fork's
         * addition to the total (+0 at first) drops: the mean is the same to the bit.
         */
        private double tenIterationMean(long state) {
            double[] pairSums = this.pairSums;
            int forks = this.forks;
            double inverseLength = inverseLengths[0];
            double total = 0;
            for (int f = 0; f < forks; f++) {
                int offset = upper(SplitMix64.mix(state + SplitMix64.GOLDEN_GAMMA), forks) * TEN_ITERATION_PAIRS;
                long first = SplitMix64.mix(state + 2 * SplitMix64.GOLDEN_GAMMA);
                long second = SplitMix64.mix(state + 3 * SplitMix64.GOLDEN_GAMMA);
                long third = SplitMix64.mix(state + 4 * SplitMix64.GOLDEN_GAMMA);
                state += 4 * SplitMix64.GOLDEN_GAMMA;
                double even = pairSums[offset + upper(first, TEN_ITERATION_PAIRS)];
                double odd = pairSums[offset + lower(first, TEN_ITERATION_PAIRS)];
                even += pairSums[offset + upper(second, TEN_ITERATION_PAIRS)];
                odd += pairSums[offset + lower(second, TEN_ITERATION_PAIRS)];
                even += pairSums[offset + upper(third, TEN_ITERATION_PAIRS)];
                total += (even + odd) * inverseLength;
            }
            return total / forks;
        }

        /** Σ (fork mean − grand mean)², relative to the grand mean squared; k − 1 degrees of freedom. */
        double relativeForkSquares() {
            double squares = 0;
            for (double m : forkMeans) {
                squares += (m - grandMean) * (m - grandMean);
            }
            return relative(squares);
        }

        /** Σ (iteration − its fork's mean)², relative to the grand mean squared. */
        double relativeIterationSquares() {
            double squares = 0;
            for (int f = 0; f < forks; f++) {
                for (int i = 0; i < lengths[f]; i++) {
                    double d = values[offsets[f] + i] - forkMeans[f];
                    squares += d * d;
                }
            }
            return relative(squares);
        }

        /** Σ (m − 1): the degrees of freedom of the iteration spread within forks. */
        int iterationDf() {
            int df = 0;
            for (int m : lengths) {
                df += m - 1;
            }
            return df;
        }

        /** Σ 1 / m over the forks: the grand mean's variance is σ²_iteration · Σ(1/m) / k². */
        double inverseLengthSum() {
            double sum = 0;
            for (double inverse : inverseLengths) {
                sum += inverse;
            }
            return sum;
        }

        private double relative(double squares) {
            return grandMean == 0 ? 0 : squares / (grandMean * grandMean);
        }

        /**
         * A uniform index in [0, bound) from the upper 32 bits of a random number by multiply-and-shift
         * (Lemire 2019); the bias, at most bound / 2³², is far below anything a percentile of 10,000
         * resamples can show. The bits stay in a long: narrowing them to an int and widening them back
         * gives the same product, for two more instructions in C1's code.
         */
        private static int upper(long bits, int bound) {
            return (int) (((bits >>> 32) * bound) >>> 32);
        }

        /** {@link #upper}'s index from the lower 32 bits. */
        private static int lower(long bits, int bound) {
            return (int) (((bits & 0xFFFF_FFFFL) * bound) >>> 32);
        }
    }
}
