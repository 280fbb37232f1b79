package dev.benchrun.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * One measured quantity of a benchmark: JMH's score and error, its unit, and the samples behind
 * it, one list of iteration values per fork (for sampled modes, each iteration's mean).
 *
 * @param scoreError JMH's 99.9% half-width; null where JMH could not compute one
 * @param percentiles "0.0", "50.0", "99.0", ... to values, as JMH computed them (meaningful for sampled modes)
 */
public record Metric(
        double score, Double scoreError, String unit, List<List<Double>> forks, Map<String, Double> percentiles) {

    public Metric {
        Objects.requireNonNull(unit, "unit");
        forks = forks == null ? List.of() : forks.stream().map(List::copyOf).toList();
        percentiles = percentiles == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(percentiles));
    }

    /** All iteration values of all forks, in order. */
    public double[] samples() {
        return forks.stream()
                .flatMap(List::stream)
                .mapToDouble(Double::doubleValue)
                .toArray();
    }

    /** The samples as forks × iterations, for the hierarchical bootstrap. */
    public double[][] samplesByFork() {
        return forks.stream()
                .map(f -> f.stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
    }

    public int sampleCount() {
        return forks.stream().mapToInt(List::size).sum();
    }

    /**
     * This metric as its samples give it: the grand mean of the samples, the mean of the fork means
     * (each fork counting once, the estimate stats/Bootstrap centres compare's ratio and each side's ±
     * on), with JMH's own error formula over the samples, the 99.9% Student-t half-width. Where the
     * samples are JMH's iteration scores, as for thrpt, avgt and ss, that is JMH's score again; where
     * they are the iterations' means (sample mode) it is the mean of the iteration means, which JMH
     * does not report (its score there is the mean of all the individual samples). Percentiles are
     * kept as JMH computed them; without samples the metric is returned as it is.
     */
    public Metric overSamples() {
        var byFork = samplesByFork();
        int n = sampleCount();
        if (n == 0) {
            return this;
        }
        double total = 0;
        int used = 0;
        for (double[] fork : byFork) {
            if (fork.length > 0) {
                double sum = 0;
                for (double v : fork) {
                    sum += v;
                }
                total += sum / fork.length;
                used++;
            }
        }
        double mean = total / used;
        return new Metric(mean, jmhError(samples(), mean), unit, forks, percentiles);
    }

    /**
     * JMH's error of a score: the half-width of the 99.9% Student-t interval of the samples' mean,
     * taken around {@code mean}; null for fewer than two samples.
     */
    public static Double jmhError(double[] samples, double mean) {
        int n = samples.length;
        if (n < 2) {
            return null;
        }
        double squares = 0;
        for (double v : samples) {
            squares += (v - mean) * (v - mean);
        }
        double t = TDistribution.of(n - 1).inverseSurvivalProbability(0.0005);
        return t * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
    }
}
