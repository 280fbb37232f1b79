package dev.benchrun.jmh;

import dev.benchrun.BenchrunException;
import dev.benchrun.host.ChildProcess;
import dev.benchrun.host.Watchdog;
import dev.benchrun.store.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.jar.JarFile;

/**
 * One JMH child process: its output parsed into events and copied to a log. It runs under
 * {@link Watchdog}, so that it and JMH's forks end when benchrun does, however benchrun ends.
 */
final class JmhProcess implements JmhLauncher.Invocation {

    private static final String JMH_MAIN = "org.openjdk.jmh.Main";
    private static Path watchdogClasses;

    private final ChildProcess process;

    JmhProcess(List<String> command) {
        // No timeout: JMH's own -to bounds each iteration, and a run may rightly take hours.
        this.process = new ChildProcess(watched(command), ChildProcess.Errors.MERGED, null, ChildProcess.Input.HELD);
    }

    /**
     * {@code java … -jar JAR ARGS} as {@code java … -cp WATCHDOG:JAR Watchdog MAIN ARGS}, where
     * MAIN is the jar's own Main-Class: the same program, watched.
     */
    static List<String> watched(List<String> command) {
        int jar = command.indexOf("-jar");
        if (jar < 0 || jar + 1 >= command.size()) {
            return command;
        }
        Path jarFile = Path.of(command.get(jar + 1));
        var watched = new ArrayList<>(command.subList(0, jar));
        watched.addAll(List.of(
                "-cp", watchdogClasses() + File.pathSeparator + jarFile, Watchdog.class.getName(), mainClass(jarFile)));
        watched.addAll(command.subList(jar + 2, command.size()));
        return watched;
    }

    private static String mainClass(Path jar) {
        try (var file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            return main == null || main.isBlank() ? JMH_MAIN : main.trim();
        } catch (IOException e) {
            return JMH_MAIN;
        }
    }

    /**
     * A private directory holding only the watchdog's class, copied out of benchrun's jar once per
     * benchrun: benchrun's own classes (and its copy of JMH) must not reach the benchmark's classpath.
     */
    private static synchronized Path watchdogClasses() {
        if (watchdogClasses != null) {
            return watchdogClasses;
        }
        String name = Watchdog.class.getName().replace('.', '/') + ".class";
        try (InputStream in = Watchdog.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not in benchrun's jar");
            }
            Path dir = Files.createTempDirectory("benchrun-watchdog-");
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.copy(in, file);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> AtomicFiles.deleteTreeQuietly(dir), "benchrun-watchdog-cleanup"));
            watchdogClasses = dir;
            return dir;
        } catch (IOException e) {
            throw BenchrunException.execution(
                    "cannot prepare JMH's watchdog in " + System.getProperty("java.io.tmpdir") + ": "
                            + AtomicFiles.describe(e),
                    e);
        }
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
