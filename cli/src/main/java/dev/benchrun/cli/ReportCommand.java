package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.engine.ReportRequest;
import dev.benchrun.model.FailOn;
import dev.benchrun.render.RenderOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Renders a stored run as a report; never runs anything. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Render a stored run as a report: Markdown, HTML, JSON or JUnit XML.",
            "Only what is stored is shown; nothing is run. See docs/report.md."
        })
final class ReportCommand implements Callable<Integer> {

    private final Services services;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "RUN",
            completionCandidates = StoredNames.Runs.class,
            description = "A run id or prefix (default: the latest run).")
    String run;

    @Option(
            names = "--baseline",
            paramLabel = "NAME",
            completionCandidates = StoredNames.Sides.class,
            description = "Compare with this baseline (or run id, or file).")
    String baseline;

    @Mixin
    OutputOptions.ForReport output;

    @Option(
            names = "--history",
            paramLabel = "N",
            description = "Each benchmark's trend over the last N stored runs, with step changes.")
    int history;

    @Option(
            names = "--variants",
            paramLabel = "RUN",
            split = ",",
            description =
                    "Runs to show side by side (default: stored runs of the same commit with another profile or JVM).")
    List<String> variants = new ArrayList<>();

    @Option(
            names = "--fail-on",
            paramLabel = "WHAT",
            description =
                    "Exit 1 on: never (default), regression (also a missed budget), warning, inconclusive (as warning).")
    FailOn failOn = FailOn.NEVER;

    @Mixin
    JudgingOptions judging = new JudgingOptions();

    @Option(
            names = "--profile",
            paramLabel = "NAME|FILE",
            completionCandidates = StoredNames.Profiles.class,
            description = "Thresholds and statistics from this profile (default: the run's, else quick).")
    String profile;

    @Option(
            names = "--manifest",
            paramLabel = "FILE",
            description = "Categories for a raw JMH baseline (default: ./benchrun.yaml and the bundled manifest).")
    Path manifest;

    ReportCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        var context = services.context();
        output.check(context);
        if (history < 0) {
            throw BenchrunException.input("--history " + history + ": give a number of runs, 1 or more");
        }
        var request = new ReportRequest(
                run,
                baseline,
                history,
                variants,
                context.workingDir(),
                output.directory(context),
                profile,
                manifest == null ? null : context.workingDir().resolve(manifest),
                judging.overrides());
        var report = services.reports().report(request);
        output.write(report, new RenderOptions(services.style(), failOn, false), context);
        return ExitCodes.of(report, ExitCodes.Gates.report(failOn));
    }
}
