package dev.benchrun.host;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * The JMH child's first main: ends the child, and every JVM JMH forked, when benchrun is gone.
 *
 * <p>Java has no parent-death signal, so benchrun holds the write end of the child's standard input
 * open and never writes: when benchrun dies, even by {@code kill -9}, the system closes it and the
 * child reads end-of-file. JMH's forks are JMH's children, not benchrun's; they would measure on,
 * reparented to init, so they are killed first. Then the benchmark jar's own main runs.
 *
 * <p>This class runs on the benchmark jar's classpath, copied out of benchrun's jar alone: it uses
 * nothing but the JDK, and no nested or anonymous class.
 */
public final class Watchdog {

    /** Exit code of a child that outlived benchrun; nobody is left to read it. */
    private static final int ORPHANED = 143;

    /** Set once this JVM is exiting by itself: the end of the pipe then is not benchrun's death. */
    private static volatile boolean exiting;

    private Watchdog() {}

    /** @param args the main class to run, then its arguments */
    public static void main(String[] args) throws Throwable {
        var watcher = new Thread(() -> watch(parent()), "benchrun-watchdog");
        watcher.setDaemon(true);
        watcher.start();
        // A thread blocked in a read is "in native", and HotSpot's exit waits about 300 ms for such
        // threads to block; unblocked here, the child ends as soon as its main does, as JMH alone would.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> release(watcher), "benchrun-watchdog-exit"));
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object)
                    Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * The pipe from benchrun, standard input, as a channel: a {@link Thread#interrupt} unblocks its
     * read, which a {@code System.in} read cannot be. Made of the open descriptor, not by opening
     * {@code /dev/stdin}: opening a pipe whose writer is already gone would wait for a writer forever.
     */
    static ReadableByteChannel parent() {
        return new FileInputStream(FileDescriptor.in).getChannel();
    }

    /** Reads until benchrun is gone, then ends every process this JVM started and the JVM itself. */
    static void watch(ReadableByteChannel parent) {
        var ignored = ByteBuffer.allocate(256);
        try (parent) {
            while (parent.read(ignored) >= 0) {
                ignored.clear(); // benchrun never writes; keep reading until it is gone.
            }
        } catch (IOException e) {
            // A broken pipe is benchrun gone too; an interrupt is this JVM exiting (below).
        }
        if (exiting) {
            return;
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(ORPHANED);
    }

    /** Stops watching, without ending anything: this JVM exits by itself. */
    static void release(Thread watcher) {
        exiting = true;
        watcher.interrupt(); // closes the channel, which unblocks the read
        try {
            watcher.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
