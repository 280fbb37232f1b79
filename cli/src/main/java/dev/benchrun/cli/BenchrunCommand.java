package dev.benchrun.cli;

import dev.benchrun.engine.ListRequest;
import dev.benchrun.json.JsonStart;
import dev.benchrun.model.FailOn;
import dev.benchrun.profiler.ProfileEvent;
import java.util.List;
import java.util.Set;
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
        exitCodeListHeading = "%nExit codes:%n")
public final class BenchrunCommand implements Runnable {

    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
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
            CommandLine.HelpCommand.class);

    /** Those that look at the other commands (usage, completion): with them the whole tree is built. */
    private static final Set<Class<?>> NEED_ALL =
            Set.of(CompletionCommand.class, CompleteCommand.class, CommandLine.HelpCommand.class);

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
        var subcommands = subcommandsFor(args);
        if (subcommands.size() == 1) {
            JsonStart.inBackground(); // every command but those building the whole tree reads a file
        }
        var commandLine = new CommandLine(new BenchrunCommand(services), services);
        for (Class<?> subcommand : subcommands) {
            commandLine.addSubcommand(subcommand);
        }
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

    /**
     * The subcommands to build for these arguments: only the one they name where it needs no
     * other, else all of them. picocli builds a command's model from its annotations when the
     * command is added, and the whole tree took a quarter of a second of every start, which a run
     * spends before its first fork can start; one command's model is a fraction of it. Arguments
     * that name no subcommand (the root's {@code --help}, {@code --version}, a mistyped name) get
     * the whole tree, so the usage, the suggestions and the errors are the same as ever.
     */
    static List<Class<?>> subcommandsFor(String... args) {
        String named = null;
        for (int i = 0; i < args.length && named == null; i++) {
            if (args[i].equals(GlobalOptions.STORE)) {
                i++; // its value is not the command
            } else if (!args[i].startsWith("-")) {
                named = args[i];
            }
        }
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (!NEED_ALL.contains(subcommand)
                    && subcommand.getAnnotation(Command.class).name().equals(named)) {
                return List.of(subcommand);
            }
        }
        return SUBCOMMANDS;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
