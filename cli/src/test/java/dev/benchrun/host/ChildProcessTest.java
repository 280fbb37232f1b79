package dev.benchrun.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The one way benchrun runs a child: output line by line, a timeout, and no process left behind. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ChildProcessTest {

    @Test
    void capturesTheOutputAndTheExitCode() throws Exception {
        var exit = ChildProcess.capture(
                List.of("sh", "-c", "echo one; echo two >&2; exit 3"),
                ChildProcess.Errors.MERGED,
                Duration.ofSeconds(30));
        assertThat(exit.code()).isEqualTo(3);
        assertThat(exit.timedOut()).isFalse();
        assertThat(exit.succeeded()).isFalse();
        assertThat(exit.output().lines()).containsExactly("one", "two");

        var quiet = ChildProcess.capture(
                List.of("sh", "-c", "echo one; echo two >&2"), ChildProcess.Errors.DISCARDED, Duration.ofSeconds(30));
        assertThat(quiet.succeeded()).isTrue();
        assertThat(quiet.output()).isEqualTo("one\n");
    }

    @Test
    void aChildThatOutlivesItsTimeoutIsKilledWithWhatItStarted() throws Exception {
        var lines = new ArrayList<String>();
        // The shell starts a process that never ends, says its pid, and waits for it.
        var child = new ChildProcess(
                List.of("sh", "-c", "tail -f /dev/null & echo $!; wait"),
                ChildProcess.Errors.MERGED,
                Duration.ofMillis(500));
        var exit = child.run(lines::add);

        assertThat(exit.timedOut()).isTrue();
        assertThat(exit.succeeded()).isFalse();
        long grandchild = Long.parseLong(lines.get(0));
        var handle = ProcessHandle.of(grandchild);
        if (handle.isPresent()) {
            assertThat(handle.get().onExit().get(30, TimeUnit.SECONDS).isAlive())
                    .isFalse();
        }
    }

    @Test
    void aChildStoppedBeforeItStartedNeverStarts() throws Exception {
        var child = new ChildProcess(List.of("sh", "-c", "echo started"), ChildProcess.Errors.MERGED, null);
        child.stop();
        var lines = new ArrayList<String>();
        assertThat(child.run(lines::add).code()).isEqualTo(-1);
        assertThat(lines).isEmpty();
    }
}
