package dev.benchrun.cli;

import dev.benchrun.model.Report;
import dev.benchrun.render.RenderOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Compares a candidate with a baseline; exit 1 when a gate fails. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Compare a candidate run with a baseline: a verdict per benchmark.",
            "Each side is a baseline name, a run id, 'latest', a stored run or baseline file, or a JMH -rf json file."
        })
final class CompareCommand implements Callable<Integer> {

    private final Services services;

    @Parameters(
            index = "0",
            paramLabel = "BASELINE",
            completionCandidates = StoredNames.Sides.class,
            description = "What to compare against.")
    String baseline;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "CANDIDATE",
            completionCandidates = StoredNames.Sides.class,
            description = "What to judge (default: the latest run).")
    String candidate;

    @Mixin
    GateOptions gate;

    @Mixin
    OutputOptions.ForCompare output;

    @Option(
            names = "--profile",
            paramLabel = "NAME|FILE",
            completionCandidates = StoredNames.Profiles.class,
            description = "Thresholds and statistics from this profile (default: the candidate's, else quick).")
    String profile;

    @Mixin
    RegressionProfileOptions regressions;

    @Option(
            names = "--manifest",
            paramLabel = "FILE",
            description = "Categories for raw JMH files (default: ./benchrun.yaml and the bundled manifest).")
    Path manifest;

    CompareCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        var context = services.context();
        output.check(context);
        var request = gate.request(
                baseline,
                candidate,
                profile,
                manifest == null ? null : context.workingDir().resolve(manifest),
                context.workingDir(),
                regressions.request(context));
        var comparison = services.comparisons().compare(request);
        output.write(Report.of(comparison), new RenderOptions(services.style(), gate.failOn, gate.strict), context);
        return ExitCodes.of(comparison, gate.gates(false));
    }
}
