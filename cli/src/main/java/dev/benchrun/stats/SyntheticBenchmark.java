package dev.benchrun.stats;

import java.util.SplittableRandom;

/**
 * A benchmark whose truth is known, for checking and timing {@code compare}: each fork settles at
 * mean·(1 + forkCv·Z), each of its iterations at that level·(1 + iterationCv·Z), Z standard normal,
 * the nested random effects of Kalibera &amp; Jones on the relative scale. The tests, the compare
 * benchmarks (cli-bench) and {@code scripts/GenerateStore.java} draw their synthetic runs from it.
 *
 * @param forkCv      relative spread of the forks' levels around the mean
 * @param iterationCv relative spread of the iterations around their fork's level
 */
public record SyntheticBenchmark(double mean, double forkCv, double iterationCv) {

    /** Forks spread half as much as iterations: the model docs/statistics.md measures compare on. */
    public static SyntheticBenchmark withNoise(double mean, double cv) {
        return new SyntheticBenchmark(mean, cv * 0.5, cv);
    }

    /** forks × iterations of samples; the same generator state always gives the same samples. */
    public double[][] samples(int forks, int iterations, SplittableRandom random) {
        double[][] samples = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            double level = mean * (1 + forkCv * gaussian(random));
            for (int i = 0; i < iterations; i++) {
                samples[f][i] = level * (1 + iterationCv * gaussian(random));
            }
        }
        return samples;
    }

    /**
     * A standard normal value by Box–Muller from two of the generator's doubles, rather than its
     * nextGaussian(): the golden files and the figures in docs/statistics.md were drawn this way.
     */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
