package dev.benchrun.host;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
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

    private Watchdog() {}

    /** @param args the main class to run, then its arguments */
    public static void main(String[] args) throws Throwable {
        var thread = new Thread(() -> watch(System.in), "benchrun-watchdog");
        thread.setDaemon(true);
        thread.start();
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object)
                    Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void watch(InputStream parent) {
        byte[] ignored = new byte[256];
        try {
            while (parent.read(ignored) >= 0) {
                // benchrun never writes; keep reading until it is gone.
            }
        } catch (IOException e) {
            // A broken pipe is benchrun gone too.
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(ORPHANED);
    }
}
