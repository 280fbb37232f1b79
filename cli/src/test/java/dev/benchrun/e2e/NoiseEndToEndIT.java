package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The real jar on the fixture benchmarks, reading this machine's {@code /proc} and {@code /sys}. */
@EnabledOnOs(OS.LINUX)
class NoiseEndToEndIT {

    @TempDir
    Path dir;

    @Test
    void aRunRecordsTheNoisePreflightAndSamplerAndItsTableSaysHowQuietTheMachineWas() throws Exception {
        var result = Benchrun.run(
                dir,
                "run",
                "--jar",
                Benchrun.FIXTURES.toString(),
                "--filter",
                "sum$",
                "--jvm-args",
                "-XX:+UseSerialGC",
                "-f",
                "1",
                "-wi",
                "1",
                "-w",
                "100ms",
                "-i",
                "2",
                "-r",
                "100ms");

        assertThat(result.exit()).as(result.err()).isZero();
        var lines = result.out().lines().toList();
        assertThat(lines.get(0)).matches("Machine: (quiet( \\(.+\\))?|noisy — .+)");
        assertThat(lines.get(1)).startsWith("Benchmark ");
        if (lines.get(0).startsWith("Machine: noisy")) {
            assertThat(result.out()).contains("Warning: ");
        }

        JsonNode noise;
        try (var runs = Files.list(dir.resolve(".benchrun/runs"))) {
            var run = runs.filter(p -> !p.getFileName().toString().startsWith("."))
                    .findFirst()
                    .orElseThrow();
            noise = Json.MAPPER.readTree(run.resolve("run.json").toFile()).at("/environment/noise");
        }
        var before = noise.get("before");
        assertThat(before.get("intervalMillis").asLong()).isGreaterThanOrEqualTo(300);
        assertThat(before.get("loadAverage").isNumber()).isTrue();
        assertThat(before.get("runnable").asInt()).isPositive();
        assertThat(before.get("tasks").asInt())
                .isGreaterThanOrEqualTo(before.get("runnable").asInt());
        assertThat(before.get("stealPercent").asDouble()).isBetween(0.0, 100.0);
        assertThat(before.get("busyPercent").asDouble()).isBetween(0.0, 100.0);
        assertThat(before.get("busyProcesses").isArray()).isTrue();
        if (Files.isReadable(Path.of("/sys/devices/system/cpu/online"))) {
            assertThat(before.get("onlineCpus").asInt()).isPositive();
        }
        var during = noise.get("during");
        assertThat(during.get("samples").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(during.get("maxRunnable").asInt()).isPositive();
        assertThat(during.get("intervalMillis").asLong()).isPositive();
        assertThat(noise.get("gc").asText()).isEqualTo("Serial");
        assertThat(noise.get("jit").asText()).isEqualTo("tiered");
    }
}
