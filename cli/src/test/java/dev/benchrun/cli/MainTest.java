package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Main#execute}, the entry point front ends embed: the real wiring, in this JVM. */
class MainTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(Map<String, String> env, String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), dir, env);
    }

    @Test
    void runsACommandInTheWorkingDirectoryGivenAndReturnsItsExitCode() throws Exception {
        Files.createDirectories(dir.resolve(".benchrun/baselines"));
        Files.copy(Path.of("src/test/resources/golden/baseline.json"), dir.resolve(".benchrun/baselines/main.json"));

        int exit = execute(Map.of(), "list", "baselines");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Baseline").contains("main ");
    }

    @Test
    void badInputIsExit2WithOneErrorLineNamingTheStoreOfTheEnvironment() {
        Path store = dir.resolve("elsewhere");

        int exit = execute(Map.of("BENCHRUN_STORE", store.toString()), "compare", "nope");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .startsWith("benchrun: 'nope' is not a baseline, a run id or a file in store " + store);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theOutputIsNeverTreatedAsATerminal() {
        int exit = execute(Map.of(), "list", "profiles");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Profile ").doesNotContain("\u001b[");
    }
}
