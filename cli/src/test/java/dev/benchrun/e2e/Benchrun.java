package dev.benchrun.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real benchrun jar as a user would, in a working directory of the test's. */
final class Benchrun {

    static final Path JAR = Path.of(System.getProperty("benchrun.jar", "target/benchrun.jar"));
    static final Path SUITES = Path.of(System.getProperty("benchrun.suites.jar", "../suites/target/benchmarks.jar"));
    static final Path FIXTURES =
            Path.of(System.getProperty("benchrun.fixtures.jar", "../fixtures/target/fixtures.jar"));
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    /** The settings of a benchmark measured as briefly as JMH allows: one fork, a warm-up and two iterations. */
    static final List<String> ONE_SHORT_FORK = List.of("-f", "1", "-wi", "1", "-w", "100ms", "-i", "2", "-r", "100ms");

    /** What a finished process left. */
    record Result(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        /** The lines of the output without the recommendations beneath a comparison ("  - name: …"). */
        java.util.stream.Stream<String> rows() {
            return out.lines().filter(l -> !l.startsWith("  - "));
        }
    }

    private Benchrun() {}

    static ProcessBuilder builder(Path workingDir, String... args) {
        return builder(workingDir, List.of(), args);
    }

    /** With options for benchrun's own JVM, e.g. system properties that pretend another platform. */
    static ProcessBuilder builder(Path workingDir, List<String> jvmOptions, String... args) {
        var command =
                new ArrayList<String>(List.of(JAVA.toString(), "-Dbenchrun.suites.jar=" + SUITES.toAbsolutePath()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(workingDir.toFile());
        builder.environment().remove("BENCHRUN_STORE");
        builder.environment().put("NO_COLOR", "1");
        return builder;
    }

    static Result run(Path workingDir, String... args) {
        return run(workingDir, List.of(), args);
    }

    static Result run(Path workingDir, List<String> jvmOptions, String... args) {
        try {
            Process process = builder(workingDir, jvmOptions, args).start();
            process.getOutputStream().close();
            var err = new StringBuilder();
            Thread errReader = new Thread(() -> {
                try {
                    err.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            errReader.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("benchrun " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            errReader.join();
            return new Result(process.exitValue(), out, err.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
