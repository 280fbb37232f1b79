package dev.benchrun.engine;

import dev.benchrun.config.CompareSettingsLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code report} was asked.
 *
 * @param run a run id or prefix; null for the latest run
 * @param baseline a baseline name (or run id or file, as for compare); null for no comparison
 * @param history how many stored runs the history covers, ending with the run; 0 for none
 * @param variants runs to show side by side; empty to pick them from the store (same commit, other profile or JVM)
 * @param outputDir where the report will be written, so its links to run files are relative to it
 * @param profile thresholds and statistics from this profile; null for the run's own (or quick)
 * @param manifest categories for a raw JMH baseline; null for ./benchrun.yaml and the bundled manifest
 * @param overrides what the command line sets over the profile's statistics and thresholds
 */
public record ReportRequest(
        String run,
        String baseline,
        int history,
        List<String> variants,
        Path workingDir,
        Path outputDir,
        String profile,
        Path manifest,
        CompareSettingsLoader.Overrides overrides) {

    public ReportRequest {
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(outputDir, "outputDir");
        variants = variants == null ? List.of() : List.copyOf(variants);
        overrides = overrides == null ? CompareSettingsLoader.Overrides.NONE : overrides;
        if (history < 0) {
            throw new IllegalArgumentException("history is not negative");
        }
    }
}
