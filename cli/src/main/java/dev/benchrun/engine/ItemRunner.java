package dev.benchrun.engine;

import dev.benchrun.host.Interrupts;
import dev.benchrun.jmh.JmhEvent;
import dev.benchrun.jmh.JmhLauncher;
import dev.benchrun.jmh.JmhResults;
import dev.benchrun.jmh.WallTimes;
import dev.benchrun.model.RunPlan;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs one JMH invocation of a plan item to its end: its output to the run's log, its events to a
 * listener, its results read from the file it wrote, each with its wall time from the output. The invocations running now (two, when an A/B
 * session runs the forks of a pair at once) are kept where Ctrl-C can stop them.
 */
final class ItemRunner {

    private final JmhLauncher jmh;
    private final Interrupts interrupts;
    private final Set<JmhLauncher.Invocation> current = ConcurrentHashMap.newKeySet();

    ItemRunner(JmhLauncher jmh, Interrupts interrupts) {
        this.jmh = jmh;
        this.interrupts = interrupts;
    }

    /** Stops the invocations running now, if any (from the Ctrl-C handler). */
    void stop() {
        current.forEach(JmhLauncher.Invocation::stop);
    }

    /** One JMH invocation; null when it was interrupted. */
    JmhResults run(List<String> command, RunPlan.Item item, Path resultFile, Writer log, Consumer<JmhEvent> events)
            throws IOException {
        return run(command, item, resultFile, log, events, () -> {});
    }

    /** One JMH invocation, {@code launched} told as soon as its process has started; null when interrupted. */
    JmhResults run(
            List<String> command,
            RunPlan.Item item,
            Path resultFile,
            Writer log,
            Consumer<JmhEvent> events,
            Runnable launched)
            throws IOException {
        log.write("# benchrun: " + String.join(" ", command) + "\n");
        JmhLauncher.Invocation invocation;
        try {
            invocation = jmh.launch(command);
        } finally {
            launched.run();
        }
        current.add(invocation);
        if (interrupts.interrupted()) {
            invocation.stop(); // Ctrl-C came between two invocations: this one never starts
        }
        var reasons = new JmhResults.Reasons();
        var times = new WallTimes(System::nanoTime);
        int exit;
        try {
            exit = invocation.await(log, event -> {
                times.accept(event);
                reasons.accept(event);
                events.accept(event);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            current.remove(invocation);
        }
        times.finished();
        var results = JmhResults.read(item, resultFile, reasons, times, exit);
        Files.deleteIfExists(resultFile);
        return results;
    }
}
