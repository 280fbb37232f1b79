package dev.benchrun.cli;

import dev.benchrun.ExitCode;
import dev.benchrun.config.ProfileLoader;
import dev.benchrun.store.Names;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code benchrun complete TOPIC}: the names the completion script offers, one a line, read when the
 * user presses Tab. Hidden: it is the script's, not the user's. It never fails where the script
 * can see it: a missing or unreadable store gives no names.
 */
@Command(
        name = "complete",
        hidden = true,
        description = "The names shell completion offers: baselines, runs or profiles.")
final class CompleteCommand implements Callable<Integer> {

    /** What can be completed from the store or the working directory. */
    enum Topic {
        BASELINES,
        RUNS,
        PROFILES;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Services services;

    @Parameters(paramLabel = "TOPIC", description = "baselines, runs or profiles")
    Topic topic;

    CompleteCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        var context = services.context();
        List<String> names;
        try {
            names = switch (topic) {
                case BASELINES -> services.global().store(context).baselineNames();
                case RUNS -> newestFirst(services.global().store(context).runIds());
                case PROFILES -> profiles(context);
            };
        } catch (RuntimeException e) {
            names = List.of();
        }
        // Only names benchrun takes: nothing that could be read by the shell as more than one word.
        names.stream().filter(Names::isValid).forEach(context.out()::println);
        return ExitCode.OK.code();
    }

    private static List<String> newestFirst(List<String> ids) {
        var reversed = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** The working directory's own profiles; the shipped ones are in the script. */
    private static List<String> profiles(Context context) {
        return new ProfileLoader(context.workingDir()).localNames();
    }
}
