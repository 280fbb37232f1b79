package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate-completion}'s script and the hidden {@code complete} it asks, in process. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    @Test
    void theScriptHoldsTheValuesKnownWhenItIsGenerated() throws Exception {
        var result = new InProcess(dir).run("generate-completion");

        assertThat(result.exit()).as(result.err()).isZero();
        String script = result.out();
        assertThat(script)
                .contains("local FORMAT_option_args=(\"table\" \"markdown\" \"json\" \"junit\") # --format values")
                .contains("local FORMAT_option_args=(\"markdown\" \"html\" \"json\" \"junit\") # --format values")
                .contains("local WHAT_option_args=(\"regression\" \"warning\" \"inconclusive\" \"never\")")
                .contains("local WHAT_pos_param_args=(\"benchmarks\" \"runs\" \"baselines\" \"profiles\")")
                .contains("'run|--profile') known=(quick ci full g1 parallel zgc pairs); asked=(profiles); files=1 ;;")
                .contains("'compare|@0') known=(latest); asked=(baselines runs); files=1 ;;")
                .contains("'compare|@1') known=(latest); asked=(baselines runs); files=1 ;;")
                .contains("'run|--baseline') known=(latest); asked=(baselines runs); files=1 ;;")
                .contains("'save-baseline|@0') known=(); asked=(baselines); files=0 ;;")
                .contains("'report|@0') known=(latest); asked=(runs); files=1 ;;")
                .contains("'merge|@'*) known=(latest); asked=(runs); files=1 ;;")
                .contains("complete -F _complete_benchrun_stored -o default benchrun benchrun.sh benchrun.bash");
        // The hidden command is the script's own: never offered as a command.
        assertThat(script)
                .contains("local commands=\"list run merge save-baseline compare calibrate profile report"
                        + " generate-completion help\"")
                .doesNotContain("_picocli_benchrun_complete");
        // Only the store's and the working directory's names start a JVM: --format's do not.
        assertThat(script).doesNotContain("|--format')").doesNotContain("|--fail-on')");
    }

    @Test
    void completeListsTheStoresBaselinesAndRunsNewestFirst() throws Exception {
        var benchrun = new InProcess(dir);
        String first = benchrun.run("run", "--jar", "fixtures.jar", "--filter", "sum$", "-f", "1", "-i", "2")
                .storedRunId();
        String second = benchrun.run("run", "--jar", "fixtures.jar", "--filter", "sum$", "-f", "1", "-i", "2")
                .storedRunId();
        assertThat(benchrun.run("save-baseline", "main").exit()).isZero();
        assertThat(benchrun.run("save-baseline", "release-1.2", "--run", first).exit())
                .isZero();

        assertThat(benchrun.run("complete", "baselines").outLines()).containsExactly("main", "release-1.2");
        assertThat(benchrun.run("complete", "runs").outLines()).containsExactly(second, first);
    }

    @Test
    void anEmptyOrMissingStoreGivesNoNamesAndNoError() throws Exception {
        var benchrun = new InProcess(dir);

        for (String topic : new String[] {"baselines", "runs", "profiles"}) {
            var result = benchrun.run("complete", topic);
            assertThat(result.exit()).isZero();
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).isEmpty();
        }
        // Even a store that is a file, which every other command refuses, is no error here.
        Files.writeString(benchrun.store(), "not a store");
        for (String topic : new String[] {"baselines", "runs"}) {
            var result = benchrun.run("complete", topic);
            assertThat(result.exit()).isZero();
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).isEmpty();
        }
    }

    @Test
    void anUnknownTopicIsOneLineAndExitTwo() throws Exception {
        var result = new InProcess(dir).run("complete", "bogus");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("benchrun: Invalid value for positional parameter at index 0 (TOPIC): unknown topic"
                        + " 'bogus': use one of baselines, runs, profiles");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void completeListsTheWorkingDirectorysProfilesThatCanBeNamed() throws Exception {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/nightly.yaml"), "extends: ci\n");
        Files.writeString(dir.resolve("profiles/with space.yaml"), "extends: ci\n");
        Files.writeString(dir.resolve("profiles/notes.txt"), "not a profile\n");

        var result = new InProcess(dir).run("complete", "profiles");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.outLines()).containsExactly("nightly");
    }
}
