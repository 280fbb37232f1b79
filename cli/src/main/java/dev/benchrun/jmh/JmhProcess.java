package dev.benchrun.jmh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * One JMH child process: started with a full command line, its output parsed into events and
 * copied to a log, stoppable together with the JVMs it forked.
 */
public final class JmhProcess {

    private final List<String> command;
    private volatile Process process;
    private volatile boolean stopped;

    public JmhProcess(List<String> command) {
        this.command = List.copyOf(command);
    }

    public List<String> command() {
        return command;
    }

    /** Runs to completion, or until {@link #stop()}; returns JMH's exit code. */
    public int run(Writer log, Consumer<JmhEvent> events) throws IOException, InterruptedException {
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        var parser = new JmhOutputParser();
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.write(line);
                log.write('\n');
                parser.accept(line).ifPresent(events);
            }
        } catch (IOException e) {
            if (!stopped) {
                throw e;
            }
            // Stopped on purpose: the pipe closed under the reader. What was read is in the log.
        }
        log.flush();
        return process.waitFor();
    }

    /** Stops the JMH process and every JVM it forked. */
    public void stop() {
        stopped = true;
        Process p = process;
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
