package dev.benchrun.stats;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The difference between two sides measured in several runs (JVM sessions) each, with the run as a
 * level of the model: run → fork → iteration. Each value is one fork's mean on the scale the caller
 * chose (benchrun passes log costs, so a difference is a log ratio).
 *
 * <p>Two variances are estimated, as in the one-way random-effects analysis of variance (Montgomery,
 * <i>Design and Analysis of Experiments</i>, ch. 13): the spread of forks within a run, pooled over
 * every run of both sides ({@code s²_w}, with Σ(forks − 1) degrees of freedom), and the spread of
 * the run means ({@code s²_B}, pooled over the sides' runs, with Σ(runs − 1)). The part of {@code
 * s²_B} that forks do not explain is the session drift, {@code σ²_run = max(0, s²_B − s²_w / f)},
 * f the forks of a run. A side of r runs of f forks then has a mean of variance (σ²_run + s²_w / f) / r,
 * and the difference of the two sides' means is judged by Welch's t with Satterthwaite's degrees of
 * freedom for that sum of variance estimates.
 *
 * <p>A candidate of one run against a baseline of several is the commonest case: it is the
 * prediction interval of one more run from the baseline's runs, so a candidate is flagged only when
 * it lies outside where the baseline's own sessions fall. With one fork per run and runs on both
 * sides it is exactly Student's two-sample t test with pooled variance. The baseline needs at
 * least two runs, or there is no drift to estimate: {@link #of} then refuses.
 */
public final class RunLevel {

    /**
     * The evidence: the difference (candidate − baseline) of the means of the run means, its
     * standard error and degrees of freedom, and the two variances it was built from.
     *
     * @param runVariance σ²_run, the variance of a run's mean that its forks do not explain (≥ 0)
     * @param forkVariance s²_w, the pooled variance of forks within a run; NaN with one fork per run
     * @param degreesOfFreedom Satterthwaite's, for the t distribution of the difference
     */
    public record Difference(
            double estimate,
            double standardError,
            double degreesOfFreedom,
            double runVariance,
            double forkVariance,
            int baselineRuns,
            int candidateRuns) {

        /** Two-sided p of "no difference". 1 where the standard error is 0 and so is the difference. */
        public double pValue() {
            if (standardError == 0) {
                return estimate == 0 ? 1 : 0;
            }
            double t = Math.abs(estimate / standardError);
            return Math.min(1, 2 * TDistribution.of(degreesOfFreedom).survivalProbability(t));
        }

        /** The two-sided interval of the difference at {@code confidence}, as {lower, upper}. */
        public double[] interval(double confidence) {
            double half = quantile(1 - (1 - confidence) / 2) * standardError;
            return new double[] {estimate - half, estimate + half};
        }

        /**
         * The smallest difference a test at two-sided level {@code alpha} would show with probability
         * {@code power}, with this standard error: (t₁₋α/2 + t_power)·se, the usual approximation.
         */
        public double smallestDetectable(double alpha, double power) {
            return (quantile(1 - alpha / 2) + quantile(power)) * standardError;
        }

        private double quantile(double p) {
            return TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(p);
        }
    }

    /**
     * The two variances of one side's runs alone, as a machine's calibration measures them: the
     * spread of forks within a run and the drift between runs.
     *
     * @param runVariance σ²_run, never below 0
     * @param forkVariance s²_w; NaN with one fork a run
     * @param runDegreesOfFreedom runs − 1
     * @param forkDegreesOfFreedom Σ(forks − 1)
     */
    public record Components(
            double runVariance, double forkVariance, int runDegreesOfFreedom, int forkDegreesOfFreedom) {

        /**
         * The standard error of a candidate of one run of {@code forks} forks against a baseline of
         * {@code baselineRuns} runs of as many, and its degrees of freedom, as {@link RunLevel#of} would
         * find them from runs that spread as these did.
         */
        public Difference predicted(int baselineRuns, int forks) {
            double withinShare = Double.isNaN(forkVariance) ? 0 : forkVariance / forks;
            double runMean = runVariance + withinShare;
            double variance = runMean * (1 + 1.0 / baselineRuns);
            double df = runVariance > 0 || Double.isNaN(forkVariance)
                    ? baselineRuns - 1
                    : (double) baselineRuns * (forks - 1) + (forks - 1);
            return new Difference(0, Math.sqrt(variance), Math.max(1, df), runVariance, forkVariance, baselineRuns, 1);
        }
    }

    private RunLevel() {}

    /** The variance components of runs of one code base, e.g. the A/A runs of a calibration. */
    public static Components components(double[][] runs) {
        if (runs.length < 2) {
            throw new IllegalArgumentException("variance between runs needs at least 2 runs");
        }
        double within = 0;
        int withinDf = 0;
        for (double[] run : runs) {
            if (run.length == 0) {
                throw new IllegalArgumentException("a run without forks");
            }
            double mean = mean(run);
            for (double v : run) {
                within += (v - mean) * (v - mean);
            }
            withinDf += run.length - 1;
        }
        double forkVariance = withinDf == 0 ? Double.NaN : within / withinDf;
        double runMeanVariance = squaresAboutMean(runMeans(runs)) / (runs.length - 1);
        double runVariance =
                withinDf == 0 ? runMeanVariance : Math.max(0, runMeanVariance - forkVariance * inverseForks(runs));
        return new Components(runVariance, forkVariance, runs.length - 1, withinDf);
    }

    /**
     * @param baseline per run, its forks' means; at least two runs with a fork each
     * @param candidate per run, its forks' means; at least one run
     */
    public static Difference of(double[][] baseline, double[][] candidate) {
        if (baseline.length < 2) {
            throw new IllegalArgumentException("a run-level comparison needs at least 2 baseline runs");
        }
        if (candidate.length < 1) {
            throw new IllegalArgumentException("a run-level comparison needs a candidate run");
        }
        for (double[][] side : new double[][][] {baseline, candidate}) {
            for (double[] run : side) {
                if (run.length == 0) {
                    throw new IllegalArgumentException("a run without forks");
                }
            }
        }
        // s²_w: forks around their run's mean, pooled over the runs of both sides.
        double within = 0;
        int withinDf = 0;
        for (double[][] side : new double[][][] {baseline, candidate}) {
            for (double[] run : side) {
                double mean = mean(run);
                for (double v : run) {
                    within += (v - mean) * (v - mean);
                }
                withinDf += run.length - 1;
            }
        }
        double forkVariance = withinDf == 0 ? Double.NaN : within / withinDf;
        // s²_B: run means around their side's mean, pooled over the sides.
        double between = squaresAboutMean(runMeans(baseline)) + squaresAboutMean(runMeans(candidate));
        int betweenDf = baseline.length - 1 + candidate.length - 1;
        double runMeanVariance = between / betweenDf;
        // E[s²_B] = σ²_run + σ²_w·(1/f), 1/f averaged over the runs that give s²_B its degrees of freedom.
        double inverseForks =
                (inverseForks(baseline) * (baseline.length - 1) + inverseForks(candidate) * (candidate.length - 1))
                        / betweenDf;
        double runVariance =
                withinDf == 0 ? runMeanVariance : Math.max(0, runMeanVariance - forkVariance * inverseForks);
        // Var(difference) = Σ over the sides of (σ²_run + s²_w / f) / r, written in the estimates it
        // is made of, a·s²_B + b·s²_w, for Satterthwaite's degrees of freedom.
        double rb = baseline.length;
        double rc = candidate.length;
        double a;
        double b;
        if (withinDf == 0) {
            a = 1 / rb + 1 / rc;
            b = 0;
        } else if (runVariance > 0) {
            a = 1 / rb + 1 / rc;
            b = (inverseForks(baseline) - inverseForks) / rb + (inverseForks(candidate) - inverseForks) / rc;
        } else {
            a = 0;
            b = inverseForks(baseline) / rb + inverseForks(candidate) / rc;
        }
        double partB = a * runMeanVariance;
        double partW = withinDf == 0 ? 0 : b * forkVariance;
        double variance = Math.max(0, partB + partW);
        double df = satterthwaite(partB, betweenDf, partW, withinDf);
        double estimate = mean(runMeans(candidate)) - mean(runMeans(baseline));
        return new Difference(
                estimate, Math.sqrt(variance), df, runVariance, forkVariance, baseline.length, candidate.length);
    }

    /** Satterthwaite (1946): the degrees of freedom of a sum of independent variance estimates. */
    static double satterthwaite(double part1, int df1, double part2, int df2) {
        double sum = part1 + part2;
        double denominator = (df1 == 0 ? 0 : part1 * part1 / df1) + (df2 == 0 ? 0 : part2 * part2 / df2);
        if (!(denominator > 0)) {
            return Math.max(1, df1 + df2);
        }
        return Math.max(1, sum * sum / denominator);
    }

    private static double[] runMeans(double[][] runs) {
        return Arrays.stream(runs).mapToDouble(RunLevel::mean).toArray();
    }

    /** 1/f averaged over a side's runs, f the forks of a run: how much a fork's spread moves a run's mean. */
    private static double inverseForks(double[][] runs) {
        double sum = 0;
        for (double[] run : runs) {
            sum += 1.0 / run.length;
        }
        return sum / runs.length;
    }

    private static double squaresAboutMean(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
