package dev.benchrun.cli;

import dev.benchrun.ExitCode;
import dev.benchrun.engine.Baselines;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Names a stored run, e.g. {@code main}, for later comparisons. */
@Command(name = "save-baseline", mixinStandardHelpOptions = true, versionProvider = BenchrunCommand.Version.class,
        description = "Keep a stored run under a name (a self-contained, portable copy).")
final class SaveBaselineCommand implements Callable<Integer> {

    @ParentCommand
    BenchrunCommand root;

    @Parameters(paramLabel = "NAME", description = "Letters, digits, '_', '.', '-'; up to 64.")
    String name;

    @Option(names = "--run", paramLabel = "ID", description = "The run to keep: an id or 'latest' (default).")
    String run = "latest";

    @Option(names = "--force", description = "Replace an existing baseline of that name.")
    boolean force;

    @Override
    public Integer call() {
        var context = root.context;
        var store = root.global.store(context);
        var baseline = new Baselines(store).save(name, run, force);
        var run = baseline.run();
        if (!root.global.quiet && (run.interrupted() || !run.failures().isEmpty())) {
            context.err().println("Note: run " + run.id() + " is incomplete: "
                    + (run.interrupted() ? "it was interrupted; " : "") + run.benchmarks().size() + " result(s), "
                    + run.failures().size() + " failed benchmark(s) not in the baseline");
        }
        if (!root.global.quiet) {
            context.out().println("Saved run " + baseline.run().id() + " as baseline '" + name + "' ("
                    + store.baselineFile(name) + ")");
        }
        return ExitCode.OK.code();
    }
}
