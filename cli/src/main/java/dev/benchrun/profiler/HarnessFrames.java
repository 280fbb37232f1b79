package dev.benchrun.profiler;

import java.util.List;

/**
 * The frames that are JMH's, the thread pool's or reflection's rather than the benchmark's: they
 * sit under every sample, so left in they would top every "total" list and hide the user's code.
 */
public final class HarnessFrames {

    private static final List<String> PREFIXES = List.of(
            "org.openjdk.jmh.",
            "java.lang.reflect.Method.invoke",
            "jdk.internal.reflect.",
            // Since Java 18 reflection runs through method handles.
            "java.lang.invoke.LambdaForm$",
            "java.lang.invoke.DirectMethodHandle$Holder",
            "java.lang.invoke.Invokers$Holder",
            "java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.FutureTask",
            "java.util.concurrent.Executors$RunnableAdapter");

    private static final List<String> EXACT = List.of(
            "java.lang.Thread.run",
            "java.lang.Thread.runWith",
            // Native thread entry points, in profiles that include JVM threads.
            "start_thread",
            "clone",
            "clone3",
            "thread_native_entry",
            "_pthread_start",
            "thread_start");

    private static final String GENERATED = "_jmhTest";

    private HarnessFrames() {}

    public static boolean isHarness(String frame) {
        return frame.contains(GENERATED)
                || frame.contains(".jmh_generated.")
                || EXACT.contains(frame)
                || PREFIXES.stream().anyMatch(frame::startsWith);
    }

    /** Whether a stack runs inside JMH's generated benchmark code, i.e. in a benchmark thread. */
    public static boolean inBenchmark(List<String> frames) {
        return frames.stream().anyMatch(f -> f.contains(GENERATED));
    }

    /** The stack without harness frames; harness frames on top give their samples to the caller below. */
    public static List<String> strip(List<String> frames) {
        return frames.stream().filter(f -> !isHarness(f)).toList();
    }
}
