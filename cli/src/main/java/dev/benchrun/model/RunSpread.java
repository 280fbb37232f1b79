package dev.benchrun.model;

/**
 * How a benchmark compared against a baseline of several runs was judged (docs/compare.md,
 * "Baselines of several runs"): the model's run level. Variances are of log costs, so their square
 * roots are relative spreads (0.02 ≈ 2%).
 *
 * @param runVariance the variance of a run's mean that its forks do not explain: how far JVM sessions
 *     drift apart; 0 where the runs agree as closely as their forks would let them
 * @param forkVariance the variance of forks within a run, pooled over all runs; null with one fork a run
 * @param degreesOfFreedom of the t distribution the change was judged by (Satterthwaite's)
 * @param smallestDetectable the smallest change, as a fraction, this comparison would probably (80%)
 *     have shown, at α adjusted for the benchmarks judged together; never below the noise floor
 */
public record RunSpread(double runVariance, Double forkVariance, double degreesOfFreedom, double smallestDetectable) {}
