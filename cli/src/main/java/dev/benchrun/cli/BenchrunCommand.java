package dev.benchrun.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: lists the subcommands, holds the global options. */
@Command(name = "benchrun", mixinStandardHelpOptions = true, version = "benchrun 0.1.0",
        description = "Runs JMH suites in forked JVMs, keeps runs and baselines, compares them.")
public final class BenchrunCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static int execute(String... args) {
        return new CommandLine(new BenchrunCommand()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
