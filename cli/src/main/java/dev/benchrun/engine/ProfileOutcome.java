package dev.benchrun.engine;

import dev.benchrun.model.BenchmarkProfile;
import dev.benchrun.model.RunResult;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code profile} did: the stored run and each benchmark's profile.
 *
 * @param runDir where the run and its profile files are stored
 */
public record ProfileOutcome(RunResult run, Path runDir, List<BenchmarkProfile> profiles) {

    public ProfileOutcome {
        profiles = List.copyOf(profiles);
    }
}
