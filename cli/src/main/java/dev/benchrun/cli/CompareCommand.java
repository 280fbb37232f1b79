package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.engine.CompareService;
import dev.benchrun.engine.RegressionProfiler;
import dev.benchrun.profiler.ProfileEvent;
import dev.benchrun.model.Report;
import dev.benchrun.render.ProgressDisplay;
import dev.benchrun.render.RenderOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Compares a candidate with a baseline; exit 1 when a gate fails. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = BenchrunCommand.Version.class,
        description = {"Compare a candidate run with a baseline: a verdict per benchmark.",
    "Each side is a baseline name, a run id, 'latest', a stored run or baseline file, or a JMH -rf json file."})
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    BenchrunCommand root;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "What to compare against.")
    String baseline;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CANDIDATE", description = "What to judge (default: the latest run).")
    String candidate;

    @Mixin
    CompareOptions gate;

    @Mixin
    OutputOptions.ForCompare output;

    @Option(names = "--profile", paramLabel = "NAME|FILE",
            description = "Thresholds and statistics from this profile (default: the candidate's, else quick).")
    String profile;

    @Option(names = "--profile-regressions",
            description = "Profile each REGRESSION with async-profiler and show the frames that grew.")
    boolean profileRegressions;

    @Option(names = "--baseline-jar", paramLabel = "JAR",
            description = "The old build's benchmark jar, to profile the baseline side too (with --profile-regressions).")
    Path baselineJar;

    @Option(names = "--profile-event", paramLabel = "EVENT", description = "cpu (default), alloc, wall, lock or itimer.")
    String profileEvent = "cpu";

    @Option(names = "--manifest", paramLabel = "FILE", description = "Categories for raw JMH files (default: ./benchrun.yaml and the bundled manifest).")
    Path manifest;

    @Override
    public Integer call() {
        var context = root.context;
        var failOn = gate.failOn();
        var request = gate.request(baseline, candidate, profile,
                manifest == null ? null : context.workingDir().resolve(manifest), null, context.workingDir());
        var store = root.global.store(context);
        var compared = new CompareService(store).compareRuns(request);
        var comparison = compared.comparison();
        if (profileRegressions) {
            var event = ProfileEvent.byId(profileEvent);
            if (event == null) {
                throw BenchrunException.input("--profile-event '" + profileEvent + "': use cpu, alloc, wall, lock or itimer");
            }
            if (baselineJar != null && !java.nio.file.Files.isRegularFile(context.workingDir().resolve(baselineJar))) {
                throw BenchrunException.input("--baseline-jar " + baselineJar + ": file not found");
            }
            var display = new ProgressDisplay(context.err(), context.terminal(), root.global.quiet,
                    root.global.style(context));
            comparison = new RegressionProfiler(store, display).profile(comparison, compared.baseline(),
                    compared.candidate(), baselineJar == null ? null : context.workingDir().resolve(baselineJar),
                    event, context.workingDir());
            display.close();
        }
        output.write(Report.of(comparison), new RenderOptions(root.global.style(context),
                failOn == CompareService.FailOn.WARNING, gate.strict), context);
        return CompareService.exitCode(comparison, failOn, gate.strict).code();
    }
}
