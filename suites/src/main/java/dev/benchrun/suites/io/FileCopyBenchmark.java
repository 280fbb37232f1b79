package dev.benchrun.suites.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Copying one file over another in the temp directory by stream copy, transferTo and memory mapping. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FileCopyBenchmark {
    @Param({"stream", "transferTo", "mmap"})
    public String method;

    @Param({"1KB", "1MB", "64MB"})
    public String size;

    private CopyMethod copyMethod;
    private Path directory;
    private Path source;
    private Path target;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        copyMethod = CopyMethod.of(method);
        directory = Files.createTempDirectory("benchrun-file-copy-");
        try {
            source = directory.resolve("source");
            target = directory.resolve("target");
            writeRandomFile(source, FileSize.parse(size));
            copyMethod.copy(source, target);
        } catch (IOException | RuntimeException e) {
            tearDown();
            throw e;
        }
    }

    @Benchmark
    public Path file_copy() throws IOException {
        copyMethod.copy(source, target);
        return target;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(FileCopyBenchmark::delete);
        }
        directory = null;
    }

    /** Random content, so no layer below can compress or deduplicate it; written 1 MiB at a time to stay cheap. */
    static void writeRandomFile(Path file, long length) throws IOException {
        var random = new SplittableRandom(length);
        byte[] chunk = new byte[(int) Math.min(length, 1 << 20)];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < length; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, length - written));
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
