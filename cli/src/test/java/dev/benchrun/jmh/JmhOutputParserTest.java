package dev.benchrun.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JmhOutputParserTest {

    @Test
    void turnsJmhOutputIntoEvents() {
        var lines = List.of(
                "# Benchmark mode: Average time, time/op",
                "# Benchmark: org.example.fixtures.TinyBench.sum",
                "# Parameters: (extra = -1, n = 256)",
                "",
                "# Run progress: 50.00% complete, ETA 00:00:00",
                "# Fork: 1 of 2",
                "# Warmup Iteration   1: 0.120 us/op",
                "Iteration   1: 0.133 us/op",
                "Result \"org.example.fixtures.TinyBench.sum\":",
                "  0.133 us/op",
                "# Benchmark mode: Sampling time",
                "# Benchmark: org.example.fixtures.FailingBench.explode",
                "# Fork: 1 of 1",
                "# Warmup Iteration   1: <failure>",
                "",
                "java.lang.IllegalStateException: fixture benchmark failed on purpose",
                "\tat org.example.fixtures.FailingBench.explode(FailingBench.java:16)",
                "<forked VM failed with exit code 137>");
        var parser = new JmhOutputParser();
        var events = new ArrayList<JmhEvent>();
        lines.forEach(l -> parser.accept(l).ifPresent(events::add));
        assertThat(events)
                .containsExactly(
                        new JmhEvent.BenchmarkHeader("org.example.fixtures.TinyBench.sum", "avgt"),
                        new JmhEvent.BenchmarkStarted("org.example.fixtures.TinyBench.sum", "extra = -1, n = 256"),
                        new JmhEvent.ForkStarted(1, 2),
                        new JmhEvent.IterationDone(true, 1),
                        new JmhEvent.IterationDone(false, 1),
                        new JmhEvent.BenchmarkDone("org.example.fixtures.TinyBench.sum"),
                        new JmhEvent.BenchmarkHeader("org.example.fixtures.FailingBench.explode", "sample"),
                        new JmhEvent.ForkStarted(1, 1),
                        new JmhEvent.Failed("java.lang.IllegalStateException: fixture benchmark failed on purpose"),
                        new JmhEvent.Failed("forked JVM exited with code 137"));
    }
}
