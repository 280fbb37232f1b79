package dev.benchrun.jmh;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns JMH's human-readable output into events. Stateful: a failure's reason is the first
 * non-blank line after JMH's {@code <failure>} marker.
 */
public final class JmhOutputParser {

    private static final Pattern BENCHMARK = Pattern.compile("^# Benchmark: (\\S+)");
    private static final Pattern MODE = Pattern.compile("^# Benchmark mode: (.+?)(?:, .*)?$");
    private static final Pattern RESULT = Pattern.compile("^Result \"(\\S+)\":");
    /** JMH's long mode labels, as its header prints them. */
    private static final Map<String, String> MODES = Map.of(
            "Throughput", "thrpt",
            "Average time", "avgt",
            "Sampling time", "sample",
            "Single shot invocation time", "ss");

    private static final Pattern PARAMETERS = Pattern.compile("^# Parameters: \\((.*)\\)");
    private static final Pattern FORK = Pattern.compile("^# Fork: (\\d+) of (\\d+)");
    private static final Pattern WARMUP = Pattern.compile("^# Warmup Iteration\\s+(\\d+):");
    private static final Pattern ITERATION = Pattern.compile("^Iteration\\s+(\\d+):");
    private static final Pattern FORK_DIED = Pattern.compile("^<forked VM failed with exit code (\\d+)>");

    private String benchmark;
    private String mode;
    private boolean awaitingReason;

    public Optional<JmhEvent> accept(String line) {
        if (awaitingReason) {
            if (line.isBlank()) {
                return Optional.empty();
            }
            awaitingReason = false;
            return Optional.of(new JmhEvent.Failed(line.trim()));
        }
        Matcher m;
        if ((m = MODE.matcher(line)).find()) {
            mode = MODES.get(m.group(1));
            return Optional.empty();
        }
        if ((m = BENCHMARK.matcher(line)).find()) {
            benchmark = m.group(1);
            return Optional.of(new JmhEvent.BenchmarkHeader(benchmark, mode));
        }
        if ((m = RESULT.matcher(line)).find()) {
            return Optional.of(new JmhEvent.BenchmarkDone(m.group(1)));
        }
        if ((m = PARAMETERS.matcher(line)).find()) {
            return Optional.of(new JmhEvent.BenchmarkStarted(benchmark, m.group(1)));
        }
        if ((m = FORK.matcher(line)).find()) {
            return Optional.of(new JmhEvent.ForkStarted(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        if ((m = WARMUP.matcher(line)).find()) {
            return iterationOrFailure(line, true, m);
        }
        if ((m = ITERATION.matcher(line)).find()) {
            return iterationOrFailure(line, false, m);
        }
        if ((m = FORK_DIED.matcher(line)).find()) {
            return Optional.of(new JmhEvent.Failed("forked JVM exited with code " + m.group(1)));
        }
        if (line.contains("<failure>")) {
            awaitingReason = true;
        }
        return Optional.empty();
    }

    private Optional<JmhEvent> iterationOrFailure(String line, boolean warmup, Matcher m) {
        if (line.contains("<failure>")) {
            awaitingReason = true;
            return Optional.empty();
        }
        return Optional.of(new JmhEvent.IterationDone(warmup, Integer.parseInt(m.group(1))));
    }
}
