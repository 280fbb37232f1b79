package dev.benchrun.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A child under the watchdog ends, with what it started, once its parent's end of stdin is gone. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class WatchdogTest {

    /** Stands for JMH: starts a process that never ends (a fork), says its pid, and waits. */
    public static final class Host {
        public static void main(String[] args) throws Exception {
            Process fork = new ProcessBuilder("sleep", "600").start();
            System.out.println(args[0] + " " + fork.pid());
            System.out.flush();
            fork.waitFor();
        }
    }

    /** Stands for JMH ending by itself: returns, or exits with the status it is given. */
    public static final class Ends {
        public static void main(String[] args) {
            System.out.println("done");
            if (args.length > 0) {
                System.exit(Integer.parseInt(args[0]));
            }
        }
    }

    @Test
    void aMainThatEndsByItselfEndsTheChildWithItsOwnStatusWhileThePipeIsOpen() throws Exception {
        for (var ending : List.of(List.<String>of(), List.of("7"))) {
            var command = new java.util.ArrayList<>(List.of(
                    java().toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    Watchdog.class.getName(),
                    Ends.class.getName()));
            command.addAll(ending);
            var child = new ProcessBuilder(command).redirectErrorStream(true).start();
            try {
                String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(output).isEqualTo("done\n");
                assertThat(child.exitValue())
                        .as("not the orphan's 143: the pipe is open, benchrun is there")
                        .isEqualTo(ending.isEmpty() ? 0 : 7);
            } finally {
                child.getOutputStream().close();
                child.destroyForcibly();
            }
        }
    }

    @Test
    void releasingTheWatchUnblocksItsReadAndEndsNothing() throws Exception {
        var pipe = java.nio.channels.Pipe.open();
        try (var sink = pipe.sink()) {
            var watcher = new Thread(() -> Watchdog.watch(pipe.source()), "watch-under-test");
            watcher.setDaemon(true);
            watcher.start();
            assertThat(watcher.isAlive()).isTrue();

            Watchdog.release(watcher);

            watcher.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(watcher.isAlive()).as("the read returned").isFalse();
            assertThat(pipe.source().isOpen())
                    .as("its channel closed by the interrupt")
                    .isFalse();
            // And this JVM is still here: the watch did not take the release for benchrun's death.
        }
    }

    private static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    @Test
    void theChildAndItsForksEndWhenTheParentsPipeCloses() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var child = new ProcessBuilder(List.of(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Watchdog.class.getName(),
                        Host.class.getName(),
                        "up"))
                .redirectErrorStream(true)
                .start();
        ProcessHandle fork = null;
        try {
            var reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String[] line = reader.readLine().split(" ");
            assertThat(line[0])
                    .as("the main after the watchdog ran with its arguments")
                    .isEqualTo("up");
            fork = ProcessHandle.of(Long.parseLong(line[1])).orElseThrow();
            assertThat(child.waitFor(1, TimeUnit.SECONDS))
                    .as("alive while the pipe is open")
                    .isFalse();

            child.getOutputStream().close(); // what the system does when the parent dies

            // Its exit code is nobody's to read: the host may return first, once its fork is killed.
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(fork.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        } finally {
            child.destroyForcibly();
            if (fork != null) {
                fork.destroyForcibly();
            }
        }
    }
}
