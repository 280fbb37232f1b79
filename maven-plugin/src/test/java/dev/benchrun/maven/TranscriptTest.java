package dev.benchrun.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    private final List<String> info = new ArrayList<>();
    private final List<String> warn = new ArrayList<>();
    private final Transcript transcript = new Transcript(info::add, warn::add);

    @Test
    void standardOutputGoesToInfoLineByLineVerbatim() {
        transcript.out().print("Benchmark  Verdict\r\n  work     REGRESSION\n");
        transcript.out().print("\n2 compared: 1 regression, 0 warnings");
        transcript.out().flush();

        assertThat(info).containsExactly("Benchmark  Verdict", "  work     REGRESSION", "");

        transcript.close();
        assertThat(info).last().isEqualTo("2 compared: 1 regression, 0 warnings");
        assertThat(warn).isEmpty();
    }

    @Test
    void benchrunsOwnLinesOnStandardErrorAreWarningsAndProgressIsInfo() {
        transcript.err().println("✓ [1/2] work: 1 result");
        transcript.err().println("benchrun: baseline 'main' exists");
        transcript.err().println("benchrun: no run 'x' in store s");
        transcript.close();

        assertThat(info).containsExactly("✓ [1/2] work: 1 result");
        assertThat(warn).containsExactly("benchrun: baseline 'main' exists", "benchrun: no run 'x' in store s");
        assertThat(transcript.lastError()).isEqualTo("benchrun: no run 'x' in store s");
    }

    @Test
    void theLastVerdictSummaryIsKept() {
        transcript.out().println("2 compared: 0 regressions, 0 warnings, 0 slower, 0 improvements, 2 unchanged.");
        transcript.out().println("Candidate: x");
        transcript.out().println("3 compared: 1 regression, 0 warnings, 0 slower, 0 improvements, 2 unchanged.");
        transcript.out().println("At α = 0.05, about 0.1 of 2 benchmarks would show p < α by chance alone");
        transcript.close();

        assertThat(transcript.lastSummary())
                .isEqualTo("3 compared: 1 regression, 0 warnings, 0 slower, 0 improvements, 2 unchanged.");
        assertThat(transcript.lastError()).isNull();
    }
}
