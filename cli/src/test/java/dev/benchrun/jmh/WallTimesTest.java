package dev.benchrun.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One JMH child may run several benchmarks (each mode of {@code --mode all}, each set of params):
 * each gets the wall time from its header to its result, read from the lines the child prints.
 */
class WallTimesTest {

    /** JMH's output of one invocation, each line read one second after the one before. */
    private static WallTimes timed(List<String> lines) {
        long[] now = {0};
        var times = new WallTimes(() -> now[0]);
        var parser = new JmhOutputParser();
        for (String line : lines) {
            now[0] += 1_000_000_000L;
            parser.accept(line).ifPresent(times);
        }
        now[0] += 1_000_000_000L;
        times.finished();
        return times;
    }

    private static final String BENCH = "org.example.fixtures.TinyBench.sum";

    @Test
    void eachBenchmarkOfOneChildRunsFromItsHeaderToItsResult() {
        var times = timed(List.of(
                "# JMH version: 1.37", // 1 s: JMH's own start, no benchmark's
                "# Benchmark mode: Throughput, ops/time",
                "# Benchmark: " + BENCH, // 3 s
                "# Parameters: (n = 256)",
                "# Fork: 1 of 1",
                "Iteration   1: 10.0 ops/us",
                "Result \"" + BENCH + "\":", // 7 s: 4 s
                "  10.0 ops/us",
                "# Benchmark mode: Throughput, ops/time",
                "# Benchmark: " + BENCH, // 10 s
                "# Parameters: (n = 1024)",
                "Result \"" + BENCH + "\":", // 12 s: 2 s
                "# Benchmark mode: Average time, time/op",
                "# Benchmark: " + BENCH, // 14 s
                "# Parameters: (n = 256)",
                "# Fork: 1 of 2",
                "# Fork: 2 of 2",
                "Result \"" + BENCH + "\":", // 18 s: 4 s
                "",
                "# Run complete. Total time: 00:00:20"));

        assertThat(times.seconds(BENCH, "thrpt", Map.of("n", "256"))).isEqualTo(4.0);
        assertThat(times.seconds(BENCH, "thrpt", Map.of("n", "1024"))).isEqualTo(2.0);
        assertThat(times.seconds(BENCH, "avgt", Map.of("n", "256"))).isEqualTo(4.0);
        assertThat(times.seconds(BENCH, "sample", Map.of("n", "256"))).isNull();
    }

    @Test
    void aBenchmarkWithoutAResultEndsWhereTheNextBeginsOrTheChildEnds() {
        var times = timed(List.of(
                "# Benchmark mode: Average time, time/op",
                "# Benchmark: a.B.crashes", // 2 s
                "# Fork: 1 of 1",
                "<forked VM failed with exit code 137>",
                "# Benchmark mode: Average time, time/op",
                "# Benchmark: a.B.hangs", // 6 s: the crash took 4 s
                "# Fork: 1 of 1")); // the child ends at 8 s: 2 s

        assertThat(times.seconds("a.B.crashes", "avgt", Map.of())).isEqualTo(4.0);
        assertThat(times.seconds("a.B.hangs", "avgt", Map.of())).isEqualTo(2.0);
    }

    @Test
    void nothingIsTimedWithoutAHeader() {
        var times = timed(List.of("Iteration   1: 10.0 ops/us"));

        assertThat(times.seconds(BENCH, "thrpt", Map.of())).isNull();
    }
}
