package dev.benchrun.cli;

import dev.benchrun.engine.ListRequest;
import dev.benchrun.model.FailOn;
import dev.benchrun.profiler.ProfileEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: lists the subcommands and the exit codes, owns the global options. */
@Command(
        name = "benchrun",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Runs JMH suites in forked JVMs, keeps runs and named baselines, compares them.",
        subcommands = {
            ListCommand.class,
            RunCommand.class,
            MergeCommand.class,
            SaveBaselineCommand.class,
            CompareCommand.class,
            CalibrateCommand.class,
            ProfileCommand.class,
            ReportCommand.class,
            CompletionCommand.class,
            CompleteCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n")
public final class BenchrunCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @CommandLine.Mixin
    final GlobalOptions global;

    private BenchrunCommand(Services services) {
        this.global = services.global();
    }

    /** Runs benchrun with these arguments and returns the exit code; the commands get their use cases from services. */
    static int execute(Services services, String... args) {
        var context = services.context();
        var commandLine = new CommandLine(new BenchrunCommand(services), services);
        commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCodes.help());
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.registerConverter(FailOn.class, new Choices<>(FailOn.class, "value"));
        commandLine.registerConverter(ListRequest.Topic.class, new Choices<>(ListRequest.Topic.class, "topic"));
        commandLine.registerConverter(ProfileEvent.class, new Choices<>(ProfileEvent.class, "event"));
        commandLine.registerConverter(CompleteCommand.Topic.class, new Choices<>(CompleteCommand.Topic.class, "topic"));
        var failures = new Failures(services.global());
        commandLine.setParameterExceptionHandler(failures);
        commandLine.setExecutionExceptionHandler(failures);
        try {
            return commandLine.execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
            services.reported();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
