package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.engine.ProfileRequest;
import dev.benchrun.profiler.ProfileEvent;
import dev.benchrun.render.HotspotReport;
import dev.benchrun.render.RunTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs benchmarks with async-profiler attached: flame graphs, hotspots and differentials. */
@Command(
        name = "profile",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Run benchmarks with async-profiler attached, store flame graphs and collapsed stacks with the run,",
            "print the top hotspots (harness frames left out) and, with --against, what grew and shrank."
        })
final class ProfileCommand implements Callable<Integer> {

    private final Services services;

    @Parameters(
            paramLabel = "BENCHMARK_REGEX",
            description = "Benchmarks whose id or full name matches (like --filter).")
    String regex;

    @Option(
            names = "--event",
            paramLabel = "EVENT",
            description = {
                "What to sample: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
                "cpu falls back to ctimer or itimer where perf_events are unavailable."
            })
    ProfileEvent event = ProfileEvent.CPU;

    @Option(
            names = "--against",
            paramLabel = "BASELINE|RUN",
            completionCandidates = StoredNames.Sides.class,
            description = "Diff against the profiles of this baseline or run (same benchmark, params, event).")
    String against;

    @Option(names = "--top", paramLabel = "N", description = "Frames per list (default: ${DEFAULT-VALUE}).")
    int top = 10;

    @Option(
            names = "--label",
            paramLabel = "TEXT",
            converter = PrintableText.class,
            description = "A note stored with the run.")
    String label;

    @Mixin
    SelectionOptions selection;

    @Mixin
    ExecutionOptions execution;

    ProfileCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (top < 1) {
            throw BenchrunException.input("--top " + top + ": show at least 1 frame");
        }
        var context = services.context();
        selection.filters.add(regex);
        var run = execution.request(context, selection, label != null ? label : "profile --event " + event.id());
        var outcome = services.profiles().profile(new ProfileRequest(run, event, against));
        var style = services.style();
        context.out().print(RunTable.render(outcome.run(), style));
        context.out().print(HotspotReport.render(outcome.profiles(), outcome.runDir(), top, style));
        context.out().print(RunTable.stored(outcome.run(), outcome.runDir()));
        return ExitCodes.of(outcome.run(), null, ExitCodes.Gates.NONE);
    }
}
