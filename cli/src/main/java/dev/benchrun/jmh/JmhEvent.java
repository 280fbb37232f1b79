package dev.benchrun.jmh;

/** What a JMH child process reports on its standard output, line by line. */
public sealed interface JmhEvent {

    /**
     * JMH begins a benchmark in one mode (its header's {@code # Benchmark:} line); its params, where
     * it has any, follow as {@link BenchmarkStarted}.
     *
     * @param mode the short name (thrpt, avgt, sample, ss) of the header's mode; null where unknown
     */
    record BenchmarkHeader(String benchmark, String mode) implements JmhEvent {}

    /** A benchmark with one set of params begins. */
    record BenchmarkStarted(String benchmark, String parameters) implements JmhEvent {}

    /** All forks of the current benchmark ended: JMH prints its {@code Result "…":} summary. */
    record BenchmarkDone(String benchmark) implements JmhEvent {}

    /** A forked JVM starts. */
    record ForkStarted(int fork, int of) implements JmhEvent {}

    /** A warm-up or measurement iteration finished. */
    record IterationDone(boolean warmup, int iteration) implements JmhEvent {}

    /** The current benchmark failed; the reason is the first line JMH gave. */
    record Failed(String reason) implements JmhEvent {}
}
