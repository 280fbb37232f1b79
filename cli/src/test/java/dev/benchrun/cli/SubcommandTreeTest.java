package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Which subcommands a start builds: the one named, or all of them where the usage, completion or a
 * suggestion needs the others; what the user sees is the same either way.
 */
class SubcommandTreeTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), dir, Map.of());
    }

    @Test
    void aNamedCommandIsBuiltAlone() {
        assertThat(BenchrunCommand.subcommandsFor("run", "--filter", "x")).containsExactly(RunCommand.class);
        assertThat(BenchrunCommand.subcommandsFor("--no-color", "compare", "a", "b"))
                .containsExactly(CompareCommand.class);
        assertThat(BenchrunCommand.subcommandsFor("--store", "run", "list", "runs"))
                .as("the value of --store is not the command")
                .containsExactly(ListCommand.class);
        assertThat(BenchrunCommand.subcommandsFor("--store=run", "report", "x")).containsExactly(ReportCommand.class);
    }

    @Test
    void theUsageCompletionHelpAndUnknownNamesGetTheWholeTree() {
        var all = BenchrunCommand.subcommandsFor();
        assertThat(all).hasSize(11).contains(RunCommand.class, CommandLine.HelpCommand.class);
        assertThat(BenchrunCommand.subcommandsFor("--version")).isEqualTo(all);
        assertThat(BenchrunCommand.subcommandsFor("help", "run")).isEqualTo(all);
        assertThat(BenchrunCommand.subcommandsFor("generate-completion")).isEqualTo(all);
        assertThat(BenchrunCommand.subcommandsFor("rnu")).isEqualTo(all);
    }

    @Test
    void aMistypedCommandIsRefusedByTheWholeTree() {
        int exit = execute("comapre", "a", "b");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("benchrun: Unmatched arguments from index 0: 'comapre', 'a', 'b'")
                .contains("Try 'benchrun --help'.");
    }

    @Test
    void theRootUsageListsEveryCommand() {
        int exit = execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("run", "save-baseline", "compare", "profile", "report", "merge", "calibrate", "list");
    }

    @Test
    void aCommandBuiltAloneKeepsTheRootsOptionsAndConverters() {
        int exit = execute("--no-color", "list", "nonesuch");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .as("the converters registered on the root reach the command built alone")
                .startsWith("benchrun: Invalid value for positional parameter at index 0 (WHAT): unknown topic"
                        + " 'nonesuch': use one of benchmarks, runs, baselines, profiles");
    }
}
