package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.engine.Suite;
import dev.benchrun.render.ListTables;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Lists benchmarks, stored runs or baselines. */
@Command(name = "list", description = {"List benchmarks (default), stored runs or baselines.",
    "  benchrun list [--category C] [--jar JAR]", "  benchrun list runs", "  benchrun list baselines"})
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    BenchrunCommand root;

    @Mixin
    SelectionOptions selection;

    @Parameters(arity = "0..1", paramLabel = "WHAT", description = "benchmarks (default), runs or baselines")
    String what = "benchmarks";

    @Override
    public Integer call() {
        var context = root.context;
        var style = root.global.style(context);
        var store = root.global.store(context);
        switch (what) {
            case "benchmarks" -> {
                var suite = Suite.load(selection.jar(context), selection.manifest(context), context.workingDir());
                context.out().print(ListTables.benchmarks(suite.select(selection.categories, selection.filters), style));
            }
            case "runs" -> context.out().print(ListTables.runs(store.runIds().stream().map(store::readRun).toList(), style));
            case "baselines" -> {
                var names = store.baselineNames();
                context.out().print(ListTables.baselines(names,
                        names.stream().map(n -> store.readBaseline(n).run()).toList(), style));
            }
            default -> throw BenchrunException.input("list: unknown '" + what + "'; use benchmarks, runs or baselines");
        }
        return ExitCode.OK.code();
    }
}
