package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar under faults from outside: benchrun killed outright. */
class FaultsEndToEndIT {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void killingBenchrunOutrightEndsJmhAndItsForks() throws Exception {
        var builder = Benchrun.builder(
                dir,
                "run",
                "--jar",
                Benchrun.FIXTURES.toString(),
                "--filter",
                "sum$",
                "-f",
                "1",
                "-wi",
                "0",
                "-i",
                "200",
                "-r",
                "1s");
        builder.redirectOutput(dir.resolve("out.txt").toFile());
        builder.redirectError(dir.resolve("err.txt").toFile());
        Process benchrun = builder.start();
        List<ProcessHandle> children = List.of();
        try {
            // Up once JMH has forked: benchrun's JMH child and the fork below it.
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (Instant.now().isBefore(deadline) && benchrun.isAlive()) {
                children = benchrun.descendants().toList();
                if (children.stream().anyMatch(FaultsEndToEndIT::isFork)) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(children).as("JMH forked under benchrun").anyMatch(FaultsEndToEndIT::isFork);

            benchrun.destroyForcibly(); // SIGKILL to benchrun alone: nothing of it runs to clean up
            assertThat(benchrun.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();

            Instant bound = Instant.now().plus(BOUND);
            while (Instant.now().isBefore(bound) && children.stream().anyMatch(ProcessHandle::isAlive)) {
                Thread.sleep(200);
            }
            assertThat(children.stream().filter(ProcessHandle::isAlive).map(FaultsEndToEndIT::describe))
                    .as("every process benchrun started, JMH and its forks, ended with it")
                    .isEmpty();
        } finally {
            benchrun.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static boolean isFork(ProcessHandle p) {
        return p.info().commandLine().orElse("").contains("org.openjdk.jmh.runner.ForkedMain");
    }

    private static String describe(ProcessHandle p) {
        return p.pid() + " " + p.info().commandLine().orElse("?");
    }
}
