package dev.benchrun.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class BuildFailuresTest {

    private final Transcript transcript = new Transcript(line -> {}, line -> {});

    @Test
    void exit0PassesTheBuild() {
        assertThatCode(() -> BuildFailures.check(0, transcript)).doesNotThrowAnyException();
    }

    @Test
    void exit1IsABuildFailureQuotingTheVerdictSummary() {
        transcript.out().println("2 compared: 1 regression, 0 warnings, 0 slower, 0 improvements, 1 unchanged.");
        transcript.close();

        assertThatThrownBy(() -> BuildFailures.check(1, transcript))
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage("benchrun: the gate failed: 2 compared: 1 regression, 0 warnings, 0 slower,"
                        + " 0 improvements, 1 unchanged. See the verdict table above.");
    }

    @Test
    void exit1WithoutASummaryIsStillABuildFailure() {
        // run --fail-on-budget, or a comparison written to a file with -o.
        assertThatThrownBy(() -> BuildFailures.check(1, transcript))
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage("benchrun: a gate failed (exit 1); see the table above");
    }

    @Test
    void exit2IsABuildErrorWithBenchrunsErrorLine() {
        transcript.err().println("benchrun: unknown profile 'nope': use one of [quick, ci]");
        transcript.close();

        assertThatThrownBy(() -> BuildFailures.check(2, transcript))
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("benchrun: unknown profile 'nope': use one of [quick, ci]");
    }

    @Test
    void exit3IsABuildErrorWithTheErrorLineOrAPointerToTheLog() {
        assertThatThrownBy(() -> BuildFailures.check(3, transcript))
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("benchrun: a benchmark failed or could not be run (exit 3); see the log above");

        transcript.err().println("benchrun: cannot write the store: No space left on device");
        transcript.close();
        assertThatThrownBy(() -> BuildFailures.check(3, transcript))
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("benchrun: cannot write the store: No space left on device");
    }

    @Test
    void exit130IsABuildErrorSayingItWasInterrupted() {
        assertThatThrownBy(() -> BuildFailures.check(130, transcript))
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("benchrun: interrupted (exit 130); what finished is kept");
    }
}
