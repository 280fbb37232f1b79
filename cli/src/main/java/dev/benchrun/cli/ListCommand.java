package dev.benchrun.cli;

import dev.benchrun.ExitCode;
import dev.benchrun.engine.ListRequest;
import dev.benchrun.render.ListTables;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Lists benchmarks, stored runs or baselines. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "List benchmarks (default), stored runs, baselines or profiles.",
            "  benchrun list [--category C] [--jar JAR]",
            "  benchrun list runs",
            "  benchrun list baselines",
            "  benchrun list profiles"
        })
final class ListCommand implements Callable<Integer> {

    private final Services services;

    @Mixin
    SelectionOptions selection;

    @Parameters(
            arity = "0..1",
            paramLabel = "WHAT",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    ListRequest.Topic what = ListRequest.Topic.BENCHMARKS;

    ListCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        var context = services.context();
        var request = new ListRequest(
                what,
                selection.jar(context),
                selection.manifest(context),
                context.workingDir(),
                selection.categories,
                selection.filters);
        context.out().print(ListTables.render(services.listings().list(request), services.style()));
        return ExitCode.OK.code();
    }
}
