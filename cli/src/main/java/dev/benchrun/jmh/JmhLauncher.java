package dev.benchrun.jmh;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a run needs of JMH: its machine-wide lock, and one command line at a time run to its end.
 * {@link #PROCESSES} is the real one, JMH as child processes; tests give a fake JMH.
 */
public interface JmhLauncher {

    /** Holds JMH's machine-wide lock for a whole run; {@code onWait} is called once if another run holds it. */
    Lock lock(Runnable onWait);

    /** One JMH command line as {@link JmhArguments} builds it, ready to run. */
    Invocation launch(List<String> command);

    /** A held lock. */
    interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /** One JMH invocation. */
    interface Invocation {

        /**
         * Runs to its end or until {@link #stop()}: JMH's output goes to {@code log}, what it reports
         * to {@code events}, and its results to the file its {@code -rff} option names.
         *
         * @return JMH's exit code
         */
        int await(Writer log, Consumer<JmhEvent> events) throws IOException, InterruptedException;

        /** Stops JMH and every JVM it forked; an invocation stopped before it started never starts. */
        void stop();
    }

    /** JMH as child processes of benchrun, under JMH's own lock file. */
    JmhLauncher PROCESSES = new JmhLauncher() {
        @Override
        public Lock lock(Runnable onWait) {
            return JmhLock.acquire(onWait);
        }

        @Override
        public Invocation launch(List<String> command) {
            return new JmhProcess(command);
        }
    };
}
