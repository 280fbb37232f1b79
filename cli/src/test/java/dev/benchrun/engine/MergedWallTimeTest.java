package dev.benchrun.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.testing.Synthetic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A result made of forks run one by one (A/B sessions, variant runs) took the time of all its forks. */
class MergedWallTimeTest {

    private static dev.benchrun.model.BenchmarkResult fork(double value, Double seconds) {
        return Synthetic.result("x", "crypto", "avgt", Synthetic.metric("us/op", List.of(List.of(value))), null)
                .withWallSeconds(seconds);
    }

    @Test
    void theMergedResultsWallTimeIsItsForksSummed() {
        var merged = SessionExecutor.merge(List.of(fork(1.0, 1.5), fork(1.1, 2.25)));

        assertThat(merged.wallSeconds()).isEqualTo(3.75);
        assertThat(merged.primary().forks()).hasSize(2);
    }

    @Test
    void aForkWithoutAWallTimeLeavesTheSumUnknown() {
        assertThat(SessionExecutor.merge(List.of(fork(1.0, 1.5), fork(1.1, null)))
                        .wallSeconds())
                .isNull();
    }
}
