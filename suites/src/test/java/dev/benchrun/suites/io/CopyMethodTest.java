package dev.benchrun.suites.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CopyMethodTest {
    @TempDir
    Path directory;

    static Stream<Arguments> methodsAndSizes() {
        // Empty, the benchmark's 1 KiB, sizes around the 64 KiB stream buffer, and an odd 1 MiB + 7.
        return Stream.of(CopyMethod.values())
                .flatMap(method ->
                        Stream.of(0L, 1024L, 65_535L, 65_537L, (1L << 20) + 7).map(size -> Arguments.of(method, size)));
    }

    @ParameterizedTest(name = "{0} copies {1} bytes exactly")
    @MethodSource("methodsAndSizes")
    void copiesExactly(CopyMethod method, long size) throws Exception {
        var source = directory.resolve("source");
        var target = directory.resolve("target");
        FileCopyBenchmark.writeRandomFile(source, size);

        method.copy(source, target);

        assertThat(Files.size(target)).isEqualTo(size);
        assertThat(Files.mismatch(source, target)).isEqualTo(-1L);
    }

    @ParameterizedTest(name = "{0} truncates a longer target")
    @MethodSource("dev.benchrun.suites.io.CopyMethodTest#methods")
    void truncatesALongerTarget(CopyMethod method) throws Exception {
        var source = directory.resolve("source");
        var target = directory.resolve("target");
        FileCopyBenchmark.writeRandomFile(source, 1000);
        FileCopyBenchmark.writeRandomFile(target, 5000);

        method.copy(source, target);

        assertThat(Files.mismatch(source, target)).isEqualTo(-1L);
    }

    static Stream<CopyMethod> methods() {
        return Stream.of(CopyMethod.values());
    }

    @Test
    void parameterValuesNameTheMethods() {
        assertThat(Stream.of(CopyMethod.values()).map(CopyMethod::id)).containsExactly("stream", "transferTo", "mmap");
        assertThat(CopyMethod.of("transferTo")).isEqualTo(CopyMethod.TRANSFER_TO);
        assertThatThrownBy(() -> CopyMethod.of("sendfile")).hasMessageContaining("expected stream, transferTo or mmap");
    }

    @Test
    void sizesAreBinaryMultiples() {
        assertThat(FileSize.parse("1KB")).isEqualTo(1024);
        assertThat(FileSize.parse("1MB")).isEqualTo(1 << 20);
        assertThat(FileSize.parse("64MB")).isEqualTo(64L << 20);
        assertThatThrownBy(() -> FileSize.parse("64 MiB")).isInstanceOf(IllegalArgumentException.class);
    }
}
