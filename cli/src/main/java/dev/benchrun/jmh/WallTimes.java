package dev.benchrun.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Each benchmark's wall time in one JMH invocation, from the progress the child prints (JMH's
 * JSON has no timing): from the header JMH prints as it begins a benchmark in one mode with one set
 * of params, to the {@code Result} line it prints once that benchmark's last fork has ended. So it
 * holds the benchmark's forks, each with its JVM's start, warm-up and measurement, and not JMH's
 * own start before the first header or its summary after the last result. A benchmark that never
 * printed its result (its fork crashed) ends where the next one begins, or where the child ended.
 */
public final class WallTimes implements Consumer<JmhEvent> {

    private static final class Span {
        final String benchmark;
        final String mode;
        Map<String, String> params = Map.of();
        final long start;
        long end = -1;

        Span(String benchmark, String mode, long start) {
            this.benchmark = benchmark;
            this.mode = mode;
            this.start = start;
        }
    }

    private final LongSupplier nanos;
    private final List<Span> spans = new ArrayList<>();
    private Span current;

    /** @param nanos a monotonic clock in nanoseconds, as {@link System#nanoTime()} */
    public WallTimes(LongSupplier nanos) {
        this.nanos = Objects.requireNonNull(nanos, "nanos");
    }

    @Override
    public synchronized void accept(JmhEvent event) {
        if (event instanceof JmhEvent.BenchmarkHeader header) {
            long now = nanos.getAsLong();
            end(now);
            current = new Span(header.benchmark(), header.mode(), now);
            spans.add(current);
        } else if (event instanceof JmhEvent.BenchmarkStarted started && current != null) {
            current.params = JmhResults.parseParams(started.parameters());
        } else if (event instanceof JmhEvent.BenchmarkDone done
                && current != null
                && current.benchmark.equals(done.benchmark())) {
            end(nanos.getAsLong());
        }
    }

    /** The child has ended: a benchmark still open ends now. */
    public synchronized void finished() {
        end(nanos.getAsLong());
    }

    private void end(long now) {
        if (current != null && current.end < 0) {
            current.end = now;
        }
        current = null;
    }

    /**
     * The seconds the benchmark took in this invocation; null where JMH printed no header for it.
     *
     * @param mode a header without a mode JMH's label benchrun knows matches any mode
     */
    public synchronized Double seconds(String benchmark, String mode, Map<String, String> params) {
        for (var span : spans) {
            if (span.benchmark.equals(benchmark)
                    && (span.mode == null || span.mode.equals(mode))
                    && span.params.equals(params)
                    && span.end >= span.start) {
                return (span.end - span.start) / 1e9;
            }
        }
        return null;
    }
}
