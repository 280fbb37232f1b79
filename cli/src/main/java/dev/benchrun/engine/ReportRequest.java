package dev.benchrun.engine;

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
 */
public record ReportRequest(
        String run, String baseline, int history, List<String> variants, Path workingDir, Path outputDir) {

    public ReportRequest {
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(outputDir, "outputDir");
        variants = variants == null ? List.of() : List.copyOf(variants);
        if (history < 0) {
            throw new IllegalArgumentException("history is not negative");
        }
    }
}
