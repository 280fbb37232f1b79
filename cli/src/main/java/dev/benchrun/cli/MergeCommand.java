package dev.benchrun.cli;

import dev.benchrun.ExitCode;
import dev.benchrun.engine.MergeRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Joins the runs of a suite's shards into one stored run, e.g. after a CI matrix of {@code run --shard I/N}. */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Join shard runs (run --shard I/N) into one stored run, to compare or report like any other.")
final class MergeCommand implements Callable<Integer> {

    private final Services services;

    @Parameters(
            paramLabel = "RUN|FILE",
            arity = "1..*",
            completionCandidates = StoredNames.Runs.class,
            description = "The runs to join, in order: run ids, latest, or run.json files (e.g. CI artefacts).")
    List<String> inputs;

    @Option(
            names = "--label",
            paramLabel = "TEXT",
            converter = PrintableText.class,
            description = "A note stored with the merged run (default: \"merge of\" the runs' ids).")
    String label;

    @Option(
            names = "--allow-mixed",
            description = "Join runs of different git commits, profiles or JVM versions instead of refusing.")
    boolean allowMixed;

    @Option(
            names = "--manifest",
            paramLabel = "FILE",
            description =
                    "Categories and budgets for JMH's own -rf json files among the inputs (default: ./benchrun.yaml).")
    Path manifest;

    MergeCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        var context = services.context();
        var outcome = services.merges()
                .merge(new MergeRequest(
                        inputs,
                        label,
                        allowMixed,
                        manifest == null ? null : context.workingDir().resolve(manifest),
                        context.workingDir()));
        var run = outcome.run();
        context.out()
                .println("Merged " + outcome.inputs() + " run" + (outcome.inputs() == 1 ? "" : "s") + " ("
                        + run.benchmarks().size() + " result"
                        + (run.benchmarks().size() == 1 ? "" : "s")
                        + ") into run " + run.id() + " in " + outcome.runDir());
        return ExitCode.OK.code();
    }
}
