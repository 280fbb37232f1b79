package dev.benchrun.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One child process, run to its end: its output read line by line, stopped on a timeout or by
 * {@link #stop()}. Stopping kills the processes it started as well, so no forked JVM is left behind.
 */
public final class ChildProcess {

    /** What happens to the child's standard error. */
    public enum Errors {
        MERGED,
        DISCARDED
    }

    /** What the child's standard input is. */
    public enum Input {
        /** Closed at once: the child reads end-of-file. */
        CLOSED,
        /**
         * A pipe benchrun holds open and never writes until the child ends, so that the child reads
         * end-of-file when benchrun dies (see {@link Watchdog}).
         */
        HELD
    }

    /** Receives the child's output, one line at a time. */
    @FunctionalInterface
    public interface Lines {
        void accept(String line) throws IOException;
    }

    /**
     * How the child ended.
     *
     * @param timedOut killed because it ran longer than its timeout
     * @param output its whole output, for {@link #capture}; empty for {@link #run}
     */
    public record Exit(int code, boolean timedOut, String output) {
        public boolean succeeded() {
            return code == 0 && !timedOut;
        }
    }

    private final List<String> command;
    private final Errors errors;
    private final Duration timeout;
    private final Input input;
    private Process process;
    private boolean stopped;
    private volatile boolean timedOut;

    /** @param timeout null for none */
    public ChildProcess(List<String> command, Errors errors, Duration timeout) {
        this(command, errors, timeout, Input.CLOSED);
    }

    /** @param timeout null for none */
    public ChildProcess(List<String> command, Errors errors, Duration timeout, Input input) {
        this.command = List.copyOf(command);
        this.errors = errors;
        this.timeout = timeout;
        this.input = input;
    }

    /** Runs {@code command} to its end and returns its exit code with its whole output. */
    public static Exit capture(List<String> command, Errors errors, Duration timeout)
            throws IOException, InterruptedException {
        var output = new StringBuilder();
        var exit = new ChildProcess(command, errors, timeout)
                .run(line -> output.append(line).append('\n'));
        return new Exit(exit.code(), exit.timedOut(), output.toString());
    }

    /**
     * Runs to the end, the timeout or {@link #stop()}, giving each line of output to {@code lines}.
     * A child stopped before it started is never started (exit code -1).
     */
    public Exit run(Lines lines) throws IOException, InterruptedException {
        Process started = start();
        if (started == null) {
            return new Exit(-1, false, "");
        }
        try (var held = started.getOutputStream()) {
            return run(started, lines);
        }
    }

    private Exit run(Process started, Lines lines) throws IOException, InterruptedException {
        Thread watchdog = timeout == null ? null : watchdog(started);
        try (var reader = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.accept(line);
            }
        } catch (IOException e) {
            if (!isStopped() && !timedOut) {
                throw e;
            }
            // Stopped on purpose: the pipe closed under the reader.
        } finally {
            if (watchdog != null) {
                watchdog.interrupt();
            }
        }
        return new Exit(started.waitFor(), timedOut, "");
    }

    /** Kills the child and every process it started; a child not started yet never starts. */
    public void stop() {
        Process p;
        synchronized (this) {
            stopped = true;
            p = process;
        }
        if (p != null) {
            kill(p);
        }
    }

    private synchronized Process start() throws IOException {
        if (stopped) {
            return null;
        }
        var builder = new ProcessBuilder(command);
        if (errors == Errors.MERGED) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        process = builder.start();
        if (input == Input.CLOSED) {
            process.getOutputStream().close();
        }
        return process;
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    private Thread watchdog(Process p) {
        var thread = new Thread(
                () -> {
                    try {
                        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                            timedOut = true;
                            kill(p);
                        }
                    } catch (InterruptedException e) {
                        // The child finished first.
                    }
                },
                "benchrun-timeout");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
