package dev.benchrun.jmh;

/** What a JMH child process reports on its standard output, line by line. */
public sealed interface JmhEvent {

    /** A benchmark with one set of params begins. */
    record BenchmarkStarted(String benchmark, String parameters) implements JmhEvent {}

    /** A forked JVM starts. */
    record ForkStarted(int fork, int of) implements JmhEvent {}

    /** A warm-up or measurement iteration finished. */
    record IterationDone(boolean warmup, int iteration) implements JmhEvent {}

    /** The current benchmark failed; the reason is the first line JMH gave. */
    record Failed(String reason) implements JmhEvent {}
}
