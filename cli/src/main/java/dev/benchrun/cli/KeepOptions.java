package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.engine.SaveBaselineRequest;
import dev.benchrun.model.Baseline;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a run becomes a baseline: replacing it, or as one more of its runs. Shared by save-baseline and run. */
public final class KeepOptions {

    @Option(names = "--force", description = "Replace an existing baseline of that name.")
    boolean force;

    @Option(
            names = "--append",
            description = "Add the run to the baseline (creating it if there is none), so that comparisons see how "
                    + "far its runs drift apart.")
    boolean append;

    @Option(
            names = "--keep",
            paramLabel = "K",
            description = "With --append: how many of the runs added last the baseline keeps (default: "
                    + Baseline.DEFAULT_KEEP + ").")
    Integer keep;

    /** @param run the run to keep, as save-baseline names it; null for the run {@code run} makes */
    SaveBaselineRequest request(String name, String run, Path workingDir, Path manifest) {
        if (force && append) {
            throw BenchrunException.input("--force replaces a baseline and --append adds to one: give one");
        }
        if (keep != null && !append) {
            throw BenchrunException.input("--keep is for --append: it says how many runs the baseline keeps");
        }
        return new SaveBaselineRequest(
                name, run, force, append, keep == null ? Baseline.DEFAULT_KEEP : keep, workingDir, manifest);
    }
}
