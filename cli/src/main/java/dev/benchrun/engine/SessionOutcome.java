package dev.benchrun.engine;

import dev.benchrun.analysis.NoiseWarnings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.NoiseSummary;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.SessionPlan;
import java.nio.file.Path;

/**
 * What {@code run --against} did.
 *
 * @param baseline the stored run of the {@code --against} side; null for a dry run
 * @param candidate the stored run of the candidate side; null for a dry run
 * @param comparison the two sides judged by their pairs; null for a dry run
 * @param baselineDir where the baseline side is stored; null for a dry run or when it could not be
 * @param candidateDir where the candidate side is stored; null for a dry run or when it could not be
 * @param notStored the one line saying that the session, measured, could not be stored and why;
 *     null when it was (or for a dry run)
 */
public record SessionOutcome(
        SessionPlan plan,
        RunResult baseline,
        RunResult candidate,
        Comparison comparison,
        Path baselineDir,
        Path candidateDir,
        String notStored) {

    /** How quiet the machine was for the session; null for a dry run or without readings. */
    public NoiseSummary machine() {
        return candidate == null
                ? null
                : NoiseWarnings.summary(candidate.environment(), NoiseWarnings.threads(candidate));
    }

    /** Whether Ctrl-C stopped the session. */
    public boolean interrupted() {
        return candidate != null && candidate.interrupted();
    }

    /** Whether a fork failed on either side. */
    public boolean failed() {
        return baseline != null && !baseline.failures().isEmpty()
                || candidate != null && !candidate.failures().isEmpty();
    }
}
