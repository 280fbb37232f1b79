package dev.benchrun.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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
}
