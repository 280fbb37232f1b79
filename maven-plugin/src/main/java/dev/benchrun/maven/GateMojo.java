package dev.benchrun.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** The gate options of a goal that judges (compare, and run with a baseline or against). */
abstract class GateMojo extends BenchrunMojo {

    /** --profile: the run preset; for compare, where thresholds and statistics come from. */
    @Parameter(property = "benchrun.profile")
    String profile;

    /** --manifest: categories and budgets (default ./benchrun.yaml, then the jar's own). */
    @Parameter(property = "benchrun.manifest")
    String manifest;

    /** --fail-on: regression (benchrun's default), warning, inconclusive or never. */
    @Parameter(property = "benchrun.failOn")
    String failOn;

    /** --strict: a baseline benchmark missing from the candidate, or not compared, fails the gate. */
    @Parameter(property = "benchrun.strict", defaultValue = "false")
    boolean strict;

    /** --threshold CATEGORY=WARN,FAIL, each (e.g. crypto=5%,10%; default=… for the others). */
    @Parameter(property = "benchrun.thresholds")
    List<String> thresholds;

    /** --alpha: the significance level. */
    @Parameter(property = "benchrun.alpha")
    String alpha;

    /** --noise-floor: smaller changes are never flagged (e.g. 2%). */
    @Parameter(property = "benchrun.noiseFloor")
    String noiseFloor;

    /** The gate options, added to the command. */
    final Arguments gate(Arguments args) {
        return args.option("--fail-on", failOn)
                .flag("--strict", strict)
                .each("--threshold", Arguments.keyedValues(thresholds))
                .option("--alpha", alpha)
                .option("--noise-floor", noiseFloor);
    }
}
