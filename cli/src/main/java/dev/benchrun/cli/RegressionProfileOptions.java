package dev.benchrun.cli;

import dev.benchrun.engine.CompareRequest;
import dev.benchrun.profiler.ProfileEvent;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code compare --profile-regressions}: profile each REGRESSION and show the frames that grew. */
final class RegressionProfileOptions {

    @Option(
            names = "--profile-regressions",
            description = "Profile each REGRESSION with async-profiler and show the frames that grew.")
    boolean profileRegressions;

    @Option(
            names = "--baseline-jar",
            paramLabel = "JAR",
            description =
                    "The old build's benchmark jar, to profile the baseline side too (with --profile-regressions).")
    Path baselineJar;

    @Option(
            names = "--profile-event",
            paramLabel = "EVENT",
            description =
                    "With --profile-regressions, what to sample: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ProfileEvent profileEvent = ProfileEvent.CPU;

    /** What to profile; null without {@code --profile-regressions}. */
    CompareRequest.ProfileRegressions request(Context context) {
        if (!profileRegressions) {
            return null;
        }
        return new CompareRequest.ProfileRegressions(
                profileEvent, baselineJar == null ? null : context.workingDir().resolve(baselineJar));
    }
}
