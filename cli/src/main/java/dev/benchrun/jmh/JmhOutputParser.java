package dev.benchrun.jmh;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns JMH's human-readable output into events. Stateful: a failure's reason is the first
 * non-blank line after JMH's {@code <failure>} marker.
 */
public final class JmhOutputParser {

    private static final Pattern BENCHMARK = Pattern.compile("^# Benchmark: (\\S+)");
    private static final Pattern PARAMETERS = Pattern.compile("^# Parameters: \\((.*)\\)");
    private static final Pattern FORK = Pattern.compile("^# Fork: (\\d+) of (\\d+)");
    private static final Pattern WARMUP = Pattern.compile("^# Warmup Iteration\\s+(\\d+):");
    private static final Pattern ITERATION = Pattern.compile("^Iteration\\s+(\\d+):");
    private static final Pattern FORK_DIED = Pattern.compile("^<forked VM failed with exit code (\\d+)>");

    private String benchmark;
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
        if ((m = BENCHMARK.matcher(line)).find()) {
            benchmark = m.group(1);
            return Optional.empty(); // reported with its parameters; benchrun starts one benchmark per JMH run
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
