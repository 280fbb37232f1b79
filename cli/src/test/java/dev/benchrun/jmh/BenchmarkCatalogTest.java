package dev.benchrun.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.testing.Golden;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkCatalogTest {

    @TempDir
    Path dir;

    private Path jar(String name, boolean withJmh) throws Exception {
        Path jar = dir.resolve(name);
        try (var zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("META-INF/BenchmarkList"));
            zip.write(Golden.resource("jmh/BenchmarkList").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            if (withJmh) {
                zip.putNextEntry(new ZipEntry("org/openjdk/jmh/Main.class"));
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void anUberJarListsItsBenchmarks() throws Exception {
        assertThat(BenchmarkCatalog.read(jar("uber.jar", true)))
                .extracting(BenchmarkInfo::id)
                .contains("sum", "sumThroughput");
    }

    @Test
    void aThinJarWithBenchmarksButNoJmhRuntimeIsAnInputErrorSayingHowToBuildIt() throws Exception {
        Path thin = jar("thin.jar", false);
        assertThatThrownBy(() -> BenchmarkCatalog.read(thin))
                .isInstanceOfSatisfying(
                        BenchrunException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT))
                .hasMessage(thin + " has benchmarks but no JMH runtime inside (no org/openjdk/jmh/Main.class): "
                        + "build it as an uber-jar (jmh archetype / shade plugin)");
    }
}
