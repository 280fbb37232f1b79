package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.config.Percent;
import dev.benchrun.engine.CompareRequest;
import dev.benchrun.model.FailOn;
import dev.benchrun.model.Threshold;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** How to judge a comparison: gates, thresholds and statistics. Shared by compare and run --baseline. */
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

    @Option(
            names = "--threshold",
            paramLabel = "CATEGORY=WARN,FAIL",
            description =
                    "Override a category's thresholds, e.g. crypto=5%%,10%% (repeatable; 'default' for the rest).")
    List<String> thresholds = new ArrayList<>();

    @Option(
            names = "--alpha",
            paramLabel = "A",
            description = "Significance level of the U test (default from the profile: 0.05).")
    Double alpha;

    @Option(
            names = "--noise-floor",
            paramLabel = "PCT",
            description = "Smaller changes are never flagged (default from the profile: 1%%).")
    String noiseFloor;

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
                baseline,
                candidate,
                profile,
                manifest,
                workingDir,
                alpha,
                noiseFloor == null ? null : Percent.parse(noiseFloor).fraction(),
                thresholds(),
                profileRegressions);
    }

    private Map<String, Threshold> thresholds() {
        var map = new HashMap<String, Threshold>();
        for (String spec : thresholds) {
            int eq = spec.indexOf('=');
            String[] values = eq < 0 ? new String[0] : spec.substring(eq + 1).split(",");
            if (eq <= 0 || values.length != 2) {
                throw BenchrunException.input(
                        "--threshold '" + spec + "': expected CATEGORY=WARN,FAIL like crypto=10%,25%");
            }
            double warning = Percent.parse(values[0]).fraction();
            double failure = Percent.parse(values[1]).fraction();
            if (failure < warning) {
                throw BenchrunException.input(
                        "--threshold '" + spec + "': the failure threshold is below the warning one");
            }
            map.put(spec.substring(0, eq), new Threshold(warning, failure));
        }
        return map;
    }
}
