package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steady-state check on the real jar: fixture GrowingBench.accumulate gets about twice as slow
 * every iteration and is flagged; TinyBench.sum, warmed up, is steady and is not.
 */
class SteadyStateEndToEndIT {

    @TempDir
    Path dir;

    @Test
    void aBenchmarkWhoseIterationsTrendIsFlaggedAndASteadyOneIsNot() throws Exception {
        // sum gets the longer warm-up a manifest gives a benchmark that needs it, so that its
        // measured iterations start after the JIT is done with it.
        Files.writeString(dir.resolve("benchrun.yaml"), """
                benchmarks:
                  - { match: sum, minWarmup: { iterations: 5, time: 500ms } }
                """);
        var result = Benchrun.run(
                dir,
                "run",
                "--jar",
                Benchrun.FIXTURES.toString(),
                "--filter",
                "accumulate|TinyBench.sum$",
                "-f",
                "1",
                "-wi",
                "2",
                "-w",
                "200ms",
                "-i",
                "8",
                "-r",
                "200ms");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).contains("Note: sum: warm-up raised to 5×500ms by the manifest's minWarmup");
        assertThat(result.out())
                .containsPattern("\nWarning: accumulate: its fork still trends over its measured iterations \\(slower:"
                        + " score rises [0-9.]+% from first to last; Mann–Kendall p < 0\\.001\\): warm up longer"
                        + " \\(manifest minWarmup\\)\n")
                .doesNotContain("Warning: sum");

        JsonNode run = onlyRun();
        JsonNode accumulate = byId(run, "accumulate");
        JsonNode sum = byId(run, "sum");
        assertThat(accumulate.path("steadyState").asText()).startsWith("its fork still trends");
        assertThat(accumulate.at("/primary/forks/0"))
                .as("eight measured iterations")
                .hasSize(8);
        assertThat(sum.has("steadyState"))
                .as("sum is steady: %s", sum.path("steadyState"))
                .isFalse();

        var report = Benchrun.run(dir, "report");
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).contains("Not steady: accumulate: its fork still trends");
    }

    @Test
    void aManifestMinWarmupRaisesTheWarmupOfItsBenchmarkOnlyAndABadOneIsOneLine() throws Exception {
        Files.writeString(dir.resolve("benchrun.yaml"), """
                benchmarks:
                  - { match: accumulate, minWarmup: { iterations: 4, time: 300ms } }
                """);
        var plan = Benchrun.run(
                dir,
                "run",
                "--jar",
                Benchrun.FIXTURES.toString(),
                "--filter",
                "accumulate|TinyBench.sum$",
                "-f",
                "1",
                "-wi",
                "2",
                "-w",
                "200ms",
                "-i",
                "8",
                "-r",
                "100ms",
                "--dry-run");

        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out())
                .containsPattern("\naccumulate +uncategorised +avgt +1 +1 +4×300ms \\+ 8×100ms ")
                .containsPattern("\nsum +uncategorised +avgt .* 2×200ms \\+ 8×100ms ")
                .contains("Note: accumulate: warm-up raised to 4×300ms by the manifest's minWarmup");

        Files.writeString(dir.resolve("benchrun.yaml"), """
                benchmarks:
                  - { match: accumulate, minWarmup: { iterations: -2 } }
                """);
        var bad = Benchrun.run(dir, "run", "--jar", Benchrun.FIXTURES.toString(), "--dry-run");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.errLines())
                .containsExactly("benchrun: " + dir.resolve("benchrun.yaml")
                        + ": entry 'match: accumulate': minWarmup.iterations -2 must be 0 or more");
    }

    private JsonNode onlyRun() throws Exception {
        try (var runs = Files.list(dir.resolve(".benchrun/runs"))) {
            Path runDir = runs.filter(p -> !p.getFileName().toString().startsWith("."))
                    .findFirst()
                    .orElseThrow();
            return Json.MAPPER.readTree(runDir.resolve("run.json").toFile());
        }
    }

    private static JsonNode byId(JsonNode run, String id) {
        for (JsonNode b : run.get("benchmarks")) {
            if (b.get("id").asText().equals(id)) {
                return b;
            }
        }
        throw new AssertionError(
                "no result " + id + " in " + run.get("benchmarks").findValuesAsText("id"));
    }
}
