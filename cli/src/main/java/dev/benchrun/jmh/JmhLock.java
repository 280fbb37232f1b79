package dev.benchrun.jmh;

import dev.benchrun.BenchrunException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * JMH's machine-wide lock ({@code $TMPDIR/jmh.lock}), held by benchrun for a whole run so that two
 * benchmark runs never measure at the same time. JMH itself would fail at once when the lock is
 * taken; benchrun waits for it instead and then tells its JMH children the lock is already held.
 */
public final class JmhLock implements JmhLauncher.Lock {

    /** The system property that tells a JMH child the lock is held by its parent. */
    public static final String HELD_BY_PARENT = "-Djmh.ignoreLock=true";

    private final FileChannel channel;
    private final FileLock lock;

    private JmhLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, calling {@code onWait} once if another run holds it and waiting for it. */
    public static JmhLock acquire(Runnable onWait) {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        try {
            var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                onWait.run();
                lock = channel.lock();
            }
            return new JmhLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            throw BenchrunException.execution("this process already runs benchmarks (" + file + " is held)");
        } catch (IOException e) {
            throw BenchrunException.execution("cannot take JMH's lock " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel releases the lock in any case; nothing is lost.
        }
    }
}
