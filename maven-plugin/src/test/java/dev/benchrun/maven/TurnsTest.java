package dev.benchrun.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In a parallel build two modules' goals never measure at the same time. */
class TurnsTest {

    @TempDir
    Path dir;

    private final List<String> events = new CopyOnWriteArrayList<>();

    /** A compare goal whose benchrun records when it starts and ends, and may wait to be released. */
    private CompareMojo goal(String name, CountDownLatch started, CountDownLatch release, CountDownLatch waiting) {
        var goal = new CompareMojo() {
            @Override
            int benchrun(String[] args, PrintWriter out, PrintWriter err, Path workingDirectory) {
                events.add(name + " starts");
                started.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                events.add(name + " ends");
                return 0;
            }
        };
        goal.basedir = dir.toFile();
        goal.baseline = "main";
        goal.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence line) {
                if (line.toString().startsWith("benchrun: waiting for another module's benchrun goal")) {
                    events.add(name + " waits");
                    waiting.countDown();
                }
            }

            @Override
            public void debug(CharSequence line) {}
        });
        return goal;
    }

    @Test
    void aSecondGoalWaitsForTheFirstToFinish() throws Exception {
        var firstStarted = new CountDownLatch(1);
        var releaseFirst = new CountDownLatch(1);
        var secondWaits = new CountDownLatch(1);
        var done = new CountDownLatch(0);

        var first = CompletableFuture.runAsync(() -> execute(goal("first", firstStarted, releaseFirst, secondWaits)));
        assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
        var second =
                CompletableFuture.runAsync(() -> execute(goal("second", new CountDownLatch(1), done, secondWaits)));
        assertThat(secondWaits.await(30, TimeUnit.SECONDS))
                .as("the second goal says it waits")
                .isTrue();
        releaseFirst.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);

        assertThat(events)
                .containsExactly("first starts", "second waits", "first ends", "second starts", "second ends");
    }

    @Test
    void aGoalAloneDoesNotWait() throws Exception {
        var goal = goal("only", new CountDownLatch(1), new CountDownLatch(0), new CountDownLatch(1));
        execute(goal);
        execute(goal);
        assertThat(events).containsExactly("only starts", "only ends", "only starts", "only ends");
    }

    private static void execute(CompareMojo goal) {
        try {
            goal.execute();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
