package dev.benchrun.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Metric;
import dev.benchrun.model.ProfileArtefact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileFilesTest {

    private static BenchmarkResult result(String mode, Map<String, String> params) {
        return new BenchmarkResult(
                "hashWork",
                "org.example.fixtures.TinyBench.hashWork",
                params,
                mode,
                1,
                null,
                null,
                null,
                new Metric(1, null, "us/op", List.of(), Map.of()),
                Map.of(),
                List.of());
    }

    @Test
    void namesTheDirectoryAsJmhDoes() {
        // As JMH 1.37 wrote it for the fixture: params sorted, values URL-encoded, '%' replaced.
        assertThat(ProfileFiles.directory(result("avgt", Map.of("n", "256", "extra", "-1"))))
                .isEqualTo("profiles/org.example.fixtures.TinyBench.hashWork-AverageTime-extra--1-n-256");
        assertThat(ProfileFiles.directory(result("thrpt", Map.of("provider", "BC/JDK 17"))))
                .isEqualTo("profiles/org.example.fixtures.TinyBench.hashWork-Throughput-provider-BC_2FJDK+17");
    }

    @Test
    void listsTheFilesTheProfilerWrote(@TempDir Path run) throws Exception {
        var result = result("ss", Map.of());
        Path dir = run.resolve("profiles/org.example.fixtures.TinyBench.hashWork-SingleShotTime");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("collapsed-alloc.csv"), "a;b 1\n");
        Files.writeString(dir.resolve("flame-alloc-forward.html"), "<html>");

        assertThat(ProfileFiles.written(run, result, ProfileEvent.ALLOC))
                .containsExactly(
                        new ProfileArtefact(
                                "alloc",
                                "flamegraph",
                                "profiles/org.example.fixtures.TinyBench.hashWork-SingleShotTime/flame-alloc-forward.html"),
                        new ProfileArtefact(
                                "alloc",
                                "collapsed",
                                "profiles/org.example.fixtures.TinyBench.hashWork-SingleShotTime/collapsed-alloc.csv"));
        assertThat(ProfileFiles.written(run, result, ProfileEvent.CPU)).isEmpty();
    }
}
