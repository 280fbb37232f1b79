package dev.benchrun.profiler;

import dev.benchrun.BenchrunException;
import java.nio.file.Path;

/** The value of JMH's {@code -prof async:...} option for one event, writing into one directory. */
public final class AsyncOptions {

    /** One sample per millisecond of CPU time: a few hundred samples even from short iterations. */
    static final long CPU_INTERVAL_NANOS = 1_000_000;
    /** Wall-clock sampling visits every thread; a coarser interval keeps the overhead small. */
    static final long WALL_INTERVAL_NANOS = 5_000_000;

    private AsyncOptions() {}

    /**
     * Flame graphs (both directions) and collapsed stacks; never {@code jfr}, which empties the
     * other outputs when combined with them.
     */
    public static String jmh(Path library, ProfileEvent event, Path dir) {
        var options = new StringBuilder("async:libPath=")
                .append(checked(library))
                .append(";output=flamegraph,collapsed")
                .append(";dir=")
                .append(checked(dir))
                .append(";event=")
                .append(event.id());
        if (event.cpuTime()) {
            options.append(";interval=").append(CPU_INTERVAL_NANOS);
        } else if (event == ProfileEvent.WALL) {
            options.append(";interval=").append(WALL_INTERVAL_NANOS);
        }
        return options.toString();
    }

    /** JMH splits its profiler options at ';', async-profiler its own at ','. */
    private static String checked(Path path) {
        String text = path.toAbsolutePath().toString();
        if (text.contains(";") || text.contains(",")) {
            throw BenchrunException.input(
                    "cannot profile with files under " + text
                            + ": the path holds ';' or ',', which the profiler's options cannot carry; use --store DIR elsewhere");
        }
        return text;
    }
}
