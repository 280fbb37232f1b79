package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.engine.RunJob;
import dev.benchrun.model.Report;
import dev.benchrun.render.Format;
import dev.benchrun.render.PlanTable;
import dev.benchrun.render.RenderOptions;
import dev.benchrun.render.RunTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs benchmarks in forked JVMs, prints the results and stores the run. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Run benchmarks in forked JVMs, print the results, store the run.")
final class RunCommand implements Callable<Integer> {

    private final Services services;

    @Mixin
    SelectionOptions selection;

    @Mixin
    ExecutionOptions execution;

    @Option(
            names = "--label",
            paramLabel = "TEXT",
            converter = PrintableText.class,
            description = "A note stored with the run, e.g. a ticket or a change.")
    String label;

    @Option(names = "--dry-run", description = "Print the plan and its estimated wall time; run nothing.")
    boolean dryRun;

    @Option(names = "--fail-on-budget", description = "Exit 1 when a benchmark misses its budget.")
    boolean failOnBudget;

    @Option(
            names = "--baseline",
            paramLabel = "BASELINE",
            description = "Compare with this right after the run: a baseline name, a run id, latest (the newest run "
                    + "before this one) or a file, as for compare.")
    String baseline;

    @Mixin
    GateOptions gate;

    RunCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        var context = services.context();
        var compare = baseline == null
                ? null
                : gate.request(
                        baseline, null, execution.profile, selection.manifest(context), context.workingDir(), null);
        var outcome = services.runs().run(new RunJob(execution.request(context, selection, label), dryRun, compare));
        var style = services.style();
        if (outcome.run() == null) {
            context.out().print(PlanTable.render(outcome.plan(), style));
            return ExitCode.OK.code();
        }
        context.out().print(RunTable.render(outcome.run(), style));
        if (outcome.notStored() == null) {
            context.out().print(RunTable.stored(outcome.run(), outcome.runDir()));
        }
        if (outcome.comparison() != null) {
            context.out().println();
            context.out()
                    .print(Format.TABLE.render(
                            Report.of(outcome.comparison()), new RenderOptions(style, false, false)));
        }
        if (outcome.notStored() != null) {
            context.out().flush();
            throw BenchrunException.execution(outcome.notStored() + "; its results are printed above");
        }
        return ExitCodes.of(outcome.run(), outcome.comparison(), gate.gates(failOnBudget));
    }
}
