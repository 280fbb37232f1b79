package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.model.FailOn;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailOnHelpTest {

    @TempDir
    Path dir;

    /** The option's description, from its line in the help to the next option. */
    private static final Pattern FAIL_ON = Pattern.compile("--fail-on=WHAT\\s+(.*?)\\n\\s+-", Pattern.DOTALL);

    @Test
    void everyCommandWithAGateNamesEveryValueItTakes() throws Exception {
        var benchrun = new InProcess(dir);
        for (String command : List.of("run", "compare", "report")) {
            var help = benchrun.run(command, "--help");
            assertThat(help.exit()).as(command).isZero();
            var matcher = FAIL_ON.matcher(help.out());
            assertThat(matcher.find())
                    .as(command + " --help has --fail-on:\n" + help.out())
                    .isTrue();
            for (var value : FailOn.values()) {
                assertThat(matcher.group(1)).as(command + " --help").contains(value.toString());
            }
        }
    }
}
