package dev.benchrun.engine;

import dev.benchrun.model.Threshold;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code compare} was asked: the two sides, where thresholds come from, and overrides.
 *
 * @param candidate null for the latest run
 * @param profile null for the candidate's own profile (or quick)
 * @param thresholds per-category overrides of the profile's thresholds
 */
public record CompareRequest(String baseline, String candidate, String profile, Path manifest, Path jar,
        Path workingDir, Double alpha, Double noiseFloor, Map<String, Threshold> thresholds) {

    public CompareRequest {
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    }
}
