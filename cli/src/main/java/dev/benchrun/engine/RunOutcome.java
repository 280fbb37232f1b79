package dev.benchrun.engine;

import dev.benchrun.analysis.NoiseWarnings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.NoiseSummary;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunResult;
import java.nio.file.Path;

/**
 * What {@code run} did.
 *
 * @param run the stored run; null for a dry run
 * @param runDir where the run is stored; null for a dry run
 * @param comparison the comparison with the requested baseline; null without one, or when the run
 *     was interrupted
 * @param notStored the one line saying that the run, measured, could not be stored and why; null when
 *     it was (or for a dry run)
 * @param savedBaseline the baseline the run was kept in; null where none was asked, or the run was
 *     interrupted or not stored
 */
public record RunOutcome(
        RunPlan plan,
        RunResult run,
        Path runDir,
        Comparison comparison,
        String notStored,
        SavedBaseline savedBaseline) {

    /** How quiet the machine was, for the run table's header and warnings; null for a dry run or without readings. */
    public NoiseSummary machine() {
        return run == null ? null : NoiseWarnings.summary(run.environment(), NoiseWarnings.threads(run));
    }
}
