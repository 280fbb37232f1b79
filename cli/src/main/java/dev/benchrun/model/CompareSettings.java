package dev.benchrun.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The statistics and thresholds a comparison used.
 *
 * @param noiseFloor changes smaller than this fraction are never flagged
 * @param thresholds per category; {@code default} applies to the others
 */
public record CompareSettings(
        String profile,
        double alpha,
        double confidence,
        double noiseFloor,
        int resamples,
        long seed,
        Map<String, Threshold> thresholds) {

    public static final String ANY_OTHER = "default";

    public CompareSettings {
        thresholds = java.util.Collections.unmodifiableMap(new TreeMap<>(thresholds));
        if (!thresholds.containsKey(ANY_OTHER)) {
            throw new IllegalArgumentException("thresholds need a 'default' entry");
        }
    }

    public Threshold thresholdFor(String category) {
        return thresholds.getOrDefault(category, thresholds.get(ANY_OTHER));
    }
}
