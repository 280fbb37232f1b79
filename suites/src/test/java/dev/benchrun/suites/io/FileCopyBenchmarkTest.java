package dev.benchrun.suites.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class FileCopyBenchmarkTest {
    @Test
    void trialCopiesAndCleansUp() throws Exception {
        var benchmark = new FileCopyBenchmark();
        benchmark.method = "mmap";
        benchmark.size = "1MB";
        benchmark.setup();
        var target = benchmark.file_copy();
        var directory = target.getParent();

        assertThat(Files.mismatch(directory.resolve("source"), target)).isEqualTo(-1L);
        assertThat(Files.size(target)).isEqualTo(1 << 20);

        benchmark.tearDown();
        assertThat(directory).doesNotExist();
    }

    @Test
    void aFailedSetupLeavesNoFiles() {
        var benchmark = new FileCopyBenchmark();
        benchmark.method = "stream";
        benchmark.size = "one megabyte";
        assertThatThrownBy(benchmark::setup).isInstanceOf(IllegalArgumentException.class);
    }
}
