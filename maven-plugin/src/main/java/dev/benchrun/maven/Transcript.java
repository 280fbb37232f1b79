package dev.benchrun.maven;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * benchrun's two output streams as lines of the Maven log: standard output at info, verbatim (the
 * verdict table among them), standard error at info too except benchrun's own {@code benchrun: …}
 * lines, which are warnings. It keeps the lines a build failure quotes: the last error line and
 * the last verdict summary ({@code 2 compared: 1 regression, …}).
 */
final class Transcript {

    private static final Pattern SUMMARY = Pattern.compile("^\\d+ compared: .*");
    private static final String ERROR_PREFIX = "benchrun: ";

    private final PrintWriter out;
    private final PrintWriter err;
    private volatile String lastError;
    private volatile String lastSummary;

    Transcript(Consumer<String> info, Consumer<String> warn) {
        this.out = new PrintWriter(new LineWriter(line -> {
            if (SUMMARY.matcher(line).matches()) {
                lastSummary = line;
            }
            info.accept(line);
        }));
        this.err = new PrintWriter(new LineWriter(line -> {
            if (line.startsWith(ERROR_PREFIX)) {
                lastError = line;
                warn.accept(line);
            } else {
                info.accept(line);
            }
        }));
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** Writes out what is left of an unfinished line. */
    void close() {
        out.close();
        err.close();
    }

    /** The last {@code benchrun: …} line on standard error, or null. */
    String lastError() {
        return lastError;
    }

    /** The last {@code N compared: …} line on standard output, or null. */
    String lastSummary() {
        return lastSummary;
    }

    /** A writer that hands on each complete line, without its line break. */
    private static final class LineWriter extends Writer {

        private final Consumer<String> lines;
        private final StringBuilder pending = new StringBuilder();

        LineWriter(Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = chars[i];
                if (c == '\n') {
                    emit();
                } else if (c != '\r') {
                    pending.append(c);
                }
            }
        }

        @Override
        public void flush() {
            // Lines go on as they end; a partial line waits for its end (or for close).
        }

        @Override
        public synchronized void close() {
            if (!pending.isEmpty()) {
                emit();
            }
        }

        private void emit() {
            String line = pending.toString();
            pending.setLength(0);
            lines.accept(line);
        }
    }
}
