package dev.benchrun.cli;

import dev.benchrun.ExitCode;
import dev.benchrun.engine.SaveBaselineRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Names a stored run, e.g. {@code main}, for later comparisons. */
@Command(
        name = "save-baseline",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Keep a stored run under a name (a self-contained, portable copy).")
final class SaveBaselineCommand implements Callable<Integer> {

    private final Services services;

    @Parameters(paramLabel = "NAME", description = "Letters, digits, '_', '.', '-'; up to 64.")
    String name;

    @Option(names = "--run", paramLabel = "ID", description = "The run to keep: an id or 'latest' (default).")
    String run = "latest";

    @Option(names = "--force", description = "Replace an existing baseline of that name.")
    boolean force;

    SaveBaselineCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        var context = services.context();
        var saved = services.baselines().save(new SaveBaselineRequest(name, run, force));
        var kept = saved.baseline().run();
        if (services.global().quiet) {
            return ExitCode.OK.code();
        }
        if (kept.interrupted() || !kept.failures().isEmpty()) {
            context.err()
                    .println("Note: run " + kept.id() + " is incomplete: "
                            + (kept.interrupted() ? "it was interrupted; " : "")
                            + kept.benchmarks().size() + " result(s), "
                            + kept.failures().size() + " failed benchmark(s) not in the baseline");
        }
        context.out().println("Saved run " + kept.id() + " as baseline '" + name + "' (" + saved.file() + ")");
        return ExitCode.OK.code();
    }
}
