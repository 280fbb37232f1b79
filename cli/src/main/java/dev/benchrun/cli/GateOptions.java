package dev.benchrun.cli;

import dev.benchrun.engine.CompareRequest;
import dev.benchrun.model.FailOn;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How to judge a comparison: the gates, and the thresholds and statistics of {@link JudgingOptions}. Shared by compare and run. */
public final class GateOptions {

    @Option(
            names = "--fail-on",
            paramLabel = "WHAT",
            description =
                    "Exit 1 on: regression (default), warning, inconclusive (also an A/B comparison its pairs could not "
                            + "decide), never.")
    FailOn failOn = FailOn.REGRESSION;

    @Option(
            names = "--strict",
            description =
                    "A benchmark of the baseline missing from the candidate, or one whose units do not convert, fails the gate.")
    boolean strict;

    @Mixin
    JudgingOptions judging = new JudgingOptions();

    /** @param budgets whether a missed budget fails too ({@code run --fail-on-budget}) */
    ExitCodes.Gates gates(boolean budgets) {
        return new ExitCodes.Gates(failOn, budgets, strict);
    }

    CompareRequest request(
            String baseline,
            String candidate,
            String profile,
            Path manifest,
            Path workingDir,
            CompareRequest.ProfileRegressions profileRegressions) {
        return new CompareRequest(
                baseline, candidate, profile, manifest, workingDir, judging.overrides(), profileRegressions);
    }
}
