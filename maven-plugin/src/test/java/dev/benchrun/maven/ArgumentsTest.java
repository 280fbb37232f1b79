package dev.benchrun.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void onlyGivenOptionsAndFlagsThatAreOnAreWritten() {
        var args = new Arguments("run")
                .option("--jar", "b.jar")
                .option("--label", null)
                .option("--forks", " ")
                .flag("--dry-run", true)
                .flag("--strict", false)
                .each("--filter", List.of("a", "b"))
                .each("--category", null)
                .word(null)
                .verbatim(Arrays.asList("--shard", null, "1/2"));

        assertThat(args.toList())
                .containsExactly(
                        "run", "--jar", "b.jar", "--dry-run", "--filter", "a", "--filter", "b", "--shard", "1/2");
    }

    @Test
    void aKeyedValueSplitAtItsCommasByMavenIsJoinedAgain() {
        // -Dbenchrun.thresholds=crypto=5%,10%,default=2%,4% reaches the goal as a list split at commas.
        assertThat(Arguments.keyedValues(List.of("crypto=5%", "10%", "default=2%", " 4% ")))
                .containsExactly("crypto=5%,10%", "default=2%,4%");
        assertThat(Arguments.keyedValues(List.of("n=1", "2", "3", "mode=a"))).containsExactly("n=1,2,3", "mode=a");
    }

    @Test
    void keyedValuesWrittenWholeInThePomStayAsTheyAre() {
        assertThat(Arguments.keyedValues(List.of("crypto=5%,10%", "", "datapath=1%,2%")))
                .containsExactly("crypto=5%,10%", "datapath=1%,2%");
        assertThat(Arguments.keyedValues(null)).isEmpty();
    }

    @Test
    void anItemWithoutAKeyFirstIsPassedOnForBenchrunToRefuse() {
        assertThat(Arguments.keyedValues(List.of("10%", "crypto=5%"))).containsExactly("10%", "crypto=5%");
    }
}
