package dev.benchrun.engine;

import dev.benchrun.model.RunResult;
import java.nio.file.Path;

/**
 * What {@code merge} made: the joined run, stored like any other.
 *
 * @param inputs how many runs were joined
 * @param runDir where the merged run is stored
 */
public record MergeOutcome(RunResult run, Path runDir, int inputs) {}
