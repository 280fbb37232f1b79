package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.engine.ProfileEngine;
import dev.benchrun.engine.ProfileRequest;
import dev.benchrun.profiler.ProfileEvent;
import dev.benchrun.render.HotspotReport;
import dev.benchrun.render.ProgressDisplay;
import dev.benchrun.render.RunTable;
import java.util.concurrent.Callable;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Runs benchmarks with async-profiler attached: flame graphs, hotspots and differentials. */
@Command(name = "profile", mixinStandardHelpOptions = true, versionProvider = BenchrunCommand.Version.class,
        description = {
    "Run benchmarks with async-profiler attached, store flame graphs and collapsed stacks with the run,",
    "print the top hotspots (harness frames left out) and, with --against, what grew and shrank."})
final class ProfileCommand implements Callable<Integer> {

    @ParentCommand
    BenchrunCommand root;

    @Parameters(paramLabel = "BENCHMARK_REGEX", description = "Benchmarks whose id or full name matches (like --filter).")
    String regex;

    @Option(names = "--event", paramLabel = "EVENT", converter = EventConverter.class, description = {
        "What to sample: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
        "cpu falls back to ctimer or itimer where perf_events are unavailable."})
    ProfileEvent event = ProfileEvent.CPU;

    @Option(names = "--against", paramLabel = "BASELINE|RUN",
            description = "Diff against the profiles of this baseline or run (same benchmark, params, event).")
    String against;

    @Option(names = "--top", paramLabel = "N", description = "Frames per list (default: ${DEFAULT-VALUE}).")
    int top = 10;

    @Option(names = "--label", paramLabel = "TEXT", description = "A note stored with the run.")
    String label;

    @Mixin
    SelectionOptions selection;

    @Mixin
    ExecutionOptions execution;

    @Override
    public Integer call() {
        var context = root.context;
        var style = root.global.style(context);
        if (top < 1) {
            throw BenchrunException.input("--top " + top + ": show at least 1 frame");
        }
        selection.filters.add(regex);
        var request = new ProfileRequest(execution.request(context, selection,
                label != null ? label : "profile --event " + event.id()), event, against);
        var display = new ProgressDisplay(context.err(), context.terminal(), root.global.quiet, style);
        var engine = new ProfileEngine(root.global.store(context), display);
        var prepared = engine.prepare(request);
        if (!root.global.quiet) {
            context.err().printf("Profiling %d benchmark runs with event %s; estimated %s%n",
                    prepared.plan().combinations(), prepared.event().id(),
                    ProgressDisplay.duration(prepared.plan().estimate()));
            prepared.notes().forEach(n -> context.err().println("Note: " + n));
        }
        var outcome = engine.run(prepared);
        display.close();
        var run = outcome.run();
        context.out().print(RunTable.render(run.run(), style));
        context.out().print(HotspotReport.render(outcome.profiles(), run.runDir(), top, style));
        context.out().println((run.run().interrupted() ? "Interrupted; kept what finished as run " : "Stored run ")
                + run.run().id() + " in " + run.runDir());
        return outcome.exitCode().code();
    }

    /** Reads an event by the name async-profiler gives it. */
    static final class EventConverter implements ITypeConverter<ProfileEvent> {
        @Override
        public ProfileEvent convert(String value) {
            var event = ProfileEvent.byId(value);
            if (event == null) {
                throw new TypeConversionException("unknown event '" + value + "': use one of "
                        + Arrays.stream(ProfileEvent.values()).map(ProfileEvent::id).collect(Collectors.joining(", ")));
            }
            return event;
        }
    }
}
