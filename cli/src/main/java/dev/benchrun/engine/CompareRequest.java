package dev.benchrun.engine;

import dev.benchrun.config.CompareSettingsLoader;
import dev.benchrun.model.Threshold;
import dev.benchrun.profiler.ProfileEvent;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code compare} was asked: the two sides, where thresholds come from, and overrides.
 *
 * @param candidate null for the latest run
 * @param profile null for the candidate's own profile (or quick)
 * @param manifest categories for raw JMH files; null for ./benchrun.yaml and the bundled manifest
 * @param thresholds per-category overrides of the profile's thresholds
 * @param profileRegressions null not to profile the regressions
 */
public record CompareRequest(
        String baseline,
        String candidate,
        String profile,
        Path manifest,
        Path workingDir,
        Double alpha,
        Double noiseFloor,
        Map<String, Threshold> thresholds,
        ProfileRegressions profileRegressions) {

    public CompareRequest {
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    }

    /** What the command line sets over the profile's statistics and thresholds. */
    public CompareSettingsLoader.Overrides overrides() {
        return new CompareSettingsLoader.Overrides(alpha, noiseFloor, thresholds);
    }

    /**
     * {@code --profile-regressions}: profile each REGRESSION and show the frames that grew.
     *
     * @param baselineJar the old build's benchmark jar, to profile the baseline side too; null to
     *     use the profiles the baseline run holds
     */
    public record ProfileRegressions(ProfileEvent event, Path baselineJar) {
        public ProfileRegressions {
            Objects.requireNonNull(event, "event");
        }
    }
}
