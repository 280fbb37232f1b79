package dev.benchrun.engine;

import dev.benchrun.config.CompareSettingsLoader;
import dev.benchrun.profiler.ProfileEvent;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code compare} was asked: the two sides, where thresholds come from, and overrides.
 *
 * @param candidate null for the latest run
 * @param profile null for the candidate's own profile (or quick)
 * @param manifest categories for raw JMH files; null for ./benchrun.yaml and the bundled manifest
 * @param overrides what the command line sets over the profile's statistics and thresholds
 * @param profileRegressions null not to profile the regressions
 */
public record CompareRequest(
        String baseline,
        String candidate,
        String profile,
        Path manifest,
        Path workingDir,
        CompareSettingsLoader.Overrides overrides,
        ProfileRegressions profileRegressions) {

    public CompareRequest {
        overrides = overrides == null ? CompareSettingsLoader.Overrides.NONE : overrides;
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
