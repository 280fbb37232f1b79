package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.config.CompareSettingsLoader;
import dev.benchrun.config.Percent;
import dev.benchrun.model.Threshold;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What the command line sets over a profile's thresholds and statistics: shared by every command
 * that judges a comparison (compare, run, report), so the same words judge alike wherever given.
 */
public final class JudgingOptions {

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

    /** The options as overrides of the profile's settings. */
    CompareSettingsLoader.Overrides overrides() {
        return new CompareSettingsLoader.Overrides(
                alpha, noiseFloor == null ? null : Percent.parse(noiseFloor).fraction(), thresholds());
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
