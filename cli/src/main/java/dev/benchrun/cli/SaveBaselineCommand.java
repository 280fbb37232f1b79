package dev.benchrun.cli;

import dev.benchrun.ExitCode;
import dev.benchrun.engine.SavedBaseline;
import dev.benchrun.model.RunResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Names a stored run, e.g. {@code main}, for later comparisons; or adds it to a baseline of several runs. */
@Command(
        name = "save-baseline",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description =
                "Keep a run under a name (a self-contained, portable file), or add it to a baseline of several runs.")
final class SaveBaselineCommand implements Callable<Integer> {

    private final Services services;

    @Parameters(
            paramLabel = "NAME",
            completionCandidates = StoredNames.Baselines.class,
            description = "Letters, digits, '_', '.', '-'; up to 64.")
    String name;

    @Option(
            names = "--run",
            paramLabel = "RUN",
            completionCandidates = StoredNames.Runs.class,
            description = "The run to keep: an id, 'latest' (default), or a file: a run.json, a baseline file "
                    + "(all its runs) or JMH's own -rf json output.")
    String run = "latest";

    @Option(
            names = "--manifest",
            paramLabel = "FILE",
            description = "Categories and budgets for a JMH file given to --run (default: ./benchrun.yaml).")
    java.nio.file.Path manifest;

    @Mixin
    KeepOptions keeping;

    SaveBaselineCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        var context = services.context();
        var request = keeping.request(
                name,
                run,
                context.workingDir(),
                manifest == null ? null : context.workingDir().resolve(manifest));
        var saved = services.baselines().save(request);
        if (!services.global().quiet) {
            report(saved, request.append(), context.err(), context.out());
        }
        return ExitCode.OK.code();
    }

    /** What was kept, on {@code out}; a note on {@code err} where the run is incomplete. Shared with run. */
    static void report(SavedBaseline saved, boolean appended, PrintWriter err, PrintWriter out) {
        var baseline = saved.baseline();
        RunResult kept = baseline.latest();
        if (kept.interrupted() || !kept.failures().isEmpty()) {
            err.println("Note: run " + kept.id() + " is incomplete: "
                    + (kept.interrupted() ? "it was interrupted; " : "")
                    + kept.benchmarks().size() + " result(s), "
                    + kept.failures().size() + " failed benchmark(s) not in the baseline");
        }
        int runs = baseline.runs().size();
        if (appended) {
            out.println("Added run " + kept.id() + " to baseline '" + baseline.name() + "', which now holds " + runs
                    + " run" + (runs == 1 ? "" : "s") + " (" + saved.file() + ")");
        } else {
            out.println("Saved " + (runs == 1 ? "run " + kept.id() : runs + " runs") + " as baseline '"
                    + baseline.name() + "' (" + saved.file() + ")");
        }
    }
}
