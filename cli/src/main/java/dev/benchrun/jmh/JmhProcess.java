package dev.benchrun.jmh;

import dev.benchrun.host.ChildProcess;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;

/** One JMH child process: its output parsed into events and copied to a log. */
final class JmhProcess implements JmhLauncher.Invocation {

    private final ChildProcess process;

    JmhProcess(List<String> command) {
        // No timeout: JMH's own -to bounds each iteration, and a run may rightly take hours.
        this.process = new ChildProcess(command, ChildProcess.Errors.MERGED, null);
    }

    @Override
    public int await(Writer log, Consumer<JmhEvent> events) throws IOException, InterruptedException {
        var parser = new JmhOutputParser();
        ChildProcess.Exit exit;
        try {
            exit = process.run(line -> {
                log.write(line);
                log.write('\n');
                parser.accept(line).ifPresent(events);
            });
        } catch (IOException e) {
            // The log could not be written (a full disk): JMH must not go on measuring unseen.
            process.stop();
            throw e;
        }
        log.flush();
        return exit.code();
    }

    @Override
    public void stop() {
        process.stop();
    }
}
