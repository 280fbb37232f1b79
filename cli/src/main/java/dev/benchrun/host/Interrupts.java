package dev.benchrun.host;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C while benchmarks run. The JVM's shutdown hook stops what is running, then holds the JVM
 * until the command has reported what finished ({@link #reported()}), at most a minute. Before the
 * first benchmark starts there is nothing to keep: Ctrl-C simply ends the process.
 */
public final class Interrupts {

    private static final long REPORT_SECONDS = 60;

    /** Stops calling its action on Ctrl-C. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private final Set<Runnable> stops = ConcurrentHashMap.newKeySet();
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onInterrupt, "benchrun-interrupt");
    private volatile boolean interrupted;
    private boolean installed;

    /** Calls {@code stop} on Ctrl-C until the registration is closed; from now on Ctrl-C waits for the report. */
    public Registration onInterrupt(Runnable stop) {
        install();
        stops.add(stop);
        return () -> stops.remove(stop);
    }

    /** Whether Ctrl-C came. */
    public boolean interrupted() {
        return interrupted;
    }

    /** The command has reported what finished: an interrupted JVM may exit now. */
    public synchronized void reported() {
        reported.countDown();
        if (installed) {
            installed = false;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Shutting down already (Ctrl-C): the hook is running and now lets the JVM go.
            }
        }
    }

    private synchronized void install() {
        if (!installed && reported.getCount() > 0) {
            try {
                Runtime.getRuntime().addShutdownHook(hook);
                installed = true;
            } catch (IllegalStateException e) {
                interrupted = true; // Ctrl-C came before anything started
            }
        }
    }

    private void onInterrupt() {
        interrupted = true;
        stops.forEach(Runnable::run);
        try {
            reported.await(REPORT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
