package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.config.ProfileLoader;
import dev.benchrun.engine.StoreListing;
import dev.benchrun.jmh.Suite;
import dev.benchrun.render.ListTables;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Lists benchmarks, stored runs or baselines. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = BenchrunCommand.Version.class,
        description = {
    "List benchmarks (default), stored runs, baselines or profiles.",
    "  benchrun list [--category C] [--jar JAR]", "  benchrun list runs", "  benchrun list baselines",
    "  benchrun list profiles"})
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    BenchrunCommand root;

    @Mixin
    SelectionOptions selection;

    @Parameters(arity = "0..1", paramLabel = "WHAT", description = "benchmarks (default), runs, baselines or profiles")
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
            case "runs" -> context.out().print(ListTables.runs(StoreListing.runs(store), style));
            case "baselines" -> context.out().print(ListTables.baselines(StoreListing.baselines(store), style));
            case "profiles" -> {
                var loader = new ProfileLoader(context.workingDir());
                context.out().print(ListTables.profiles(ProfileLoader.SHIPPED.stream().map(loader::load).toList(), style));
            }
            default -> throw BenchrunException.input("list: unknown '" + what + "'; use benchmarks, runs, baselines or profiles");
        }
        return ExitCode.OK.code();
    }
}
