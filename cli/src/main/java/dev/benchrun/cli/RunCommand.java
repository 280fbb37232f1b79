package dev.benchrun.cli;

import dev.benchrun.engine.CompareService;
import dev.benchrun.engine.RunEngine;
import dev.benchrun.engine.RunPlanner;
import dev.benchrun.model.Report;
import dev.benchrun.render.Format;
import dev.benchrun.render.PlanTable;
import dev.benchrun.render.ProgressDisplay;
import dev.benchrun.render.RenderOptions;
import dev.benchrun.render.RunTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Runs benchmarks in forked JVMs, prints the results and stores the run. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = BenchrunCommand.Version.class,
        description = "Run benchmarks in forked JVMs, print the results, store the run.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    BenchrunCommand root;

    @Mixin
    SelectionOptions selection;

    @Mixin
    ExecutionOptions execution;

    @Option(names = "--label", paramLabel = "TEXT", description = "A note stored with the run, e.g. a ticket or a change.")
    String label;

    @Option(names = "--dry-run", description = "Print the plan and its estimated wall time; run nothing.")
    boolean dryRun;

    @Option(names = "--fail-on-budget", description = "Exit 1 when a benchmark misses its budget.")
    boolean failOnBudget;

    @Option(names = "--baseline", paramLabel = "NAME", description = "Compare with this baseline right after the run.")
    String baseline;

    @Mixin
    CompareOptions gate;

    @Override
    public Integer call() {
        var context = root.context;
        var style = root.global.style(context);
        var plan = RunPlanner.plan(execution.request(context, selection, label));
        var store = root.global.store(context);
        if (baseline != null) {
            // Checked before anything runs: a typo here should not cost a whole run.
            store.readBaseline(baseline);
            gate.failOn();
            gate.request(baseline, null, null, null, null, context.workingDir());
        }
        if (dryRun) {
            context.out().print(PlanTable.render(plan, style));
            return 0;
        }
        var display = new ProgressDisplay(context.err(), context.terminal(), root.global.quiet, style);
        if (!root.global.quiet) {
            context.err().printf("Running %d benchmark runs with profile %s; estimated %s%n", plan.combinations(),
                    plan.settings().profile(), ProgressDisplay.duration(plan.estimate()));
            plan.notes().forEach(n -> context.err().println("Note: " + n));
        }
        RunEngine.Outcome outcome;
        try (var engine = new RunEngine(store, display, RunEngine.ExtraArguments.NONE)) {
            outcome = engine.execute(plan, context.workingDir());
            display.close();
            context.out().print(RunTable.render(outcome.run(), style));
            context.out().println((outcome.run().interrupted() ? "Interrupted; kept what finished as run " : "Stored run ")
                    + outcome.run().id() + " in " + outcome.runDir());
            context.out().flush();
        }
        var exit = outcome.exitCode(failOnBudget);
        if (baseline == null || outcome.run().interrupted()) {
            return exit.code();
        }
        context.out().println();
        var comparison = new CompareService(store).compare(gate.request(baseline,
                outcome.run().id(), execution.profile, selection.manifest(context), plan.suite().jar(), context.workingDir()));
        context.out().print(Format.TABLE.render(Report.of(comparison), new RenderOptions(style, false, false)));
        return Math.max(exit.code(), CompareService.exitCode(comparison, gate.failOn(), gate.strict).code());
    }
}
