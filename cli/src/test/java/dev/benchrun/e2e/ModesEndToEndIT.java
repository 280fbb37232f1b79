package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A method of several modes (fixture ModesBench: thrpt, avgt, ss) runs once, and its rows say their mode. */
class ModesEndToEndIT {

    private static final String[] SHORT = {"-f", "1", "-wi", "1", "-w", "100ms", "-i", "2", "-r", "100ms"};

    @TempDir
    Path dir;

    private static String[] run(String... head) {
        return Stream.concat(
                        Stream.of("run", "--jar", Benchrun.FIXTURES.toString(), "--filter", "measureMultiple"),
                        Stream.concat(Stream.of(head), Stream.of(SHORT)))
                .toArray(String[]::new);
    }

    @Test
    void aMethodOfSeveralModesIsPlannedAsOneInvocationInEachMode() {
        var plan = Benchrun.run(dir, run("--dry-run"));

        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out().lines().filter(l -> l.startsWith("measureMultiple")))
                .singleElement()
                .asString()
                .containsPattern("measureMultiple +uncategorised +[a-z]+,[a-z]+,[a-z]+ +3 +1 ");
        assertThat(plan.out()).containsPattern("Plan: \\d+ benchmarks? \\(3 benchmark runs\\)");

        var avgt = Benchrun.run(dir, run("--dry-run", "--mode", "avgt"));
        assertThat(avgt.out().lines().filter(l -> l.startsWith("measureMultiple")))
                .singleElement()
                .asString()
                .containsPattern("measureMultiple +uncategorised +avgt +1 +1 ");
    }

    @Test
    void itRunsOnceAndEveryRowCarriesItsMode() throws Exception {
        var result = Benchrun.run(dir, run());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("measureMultiple[mode=thrpt]", "measureMultiple[mode=avgt]", "measureMultiple[mode=ss]");
        Path runDir;
        try (var runs = Files.list(dir.resolve(".benchrun/runs"))) {
            runDir = runs.filter(p -> !p.getFileName().toString().startsWith("."))
                    .findFirst()
                    .orElseThrow();
        }
        assertThat(Files.readString(runDir.resolve("jmh.log")).lines().filter(l -> l.startsWith("# benchrun: ")))
                .as("one JMH invocation for the method")
                .hasSize(1);
        JsonNode run = Json.MAPPER.readTree(runDir.resolve("run.json").toFile());
        assertThat(run.get("benchmarks").findValuesAsText("mode")).containsExactlyInAnyOrder("thrpt", "avgt", "ss");

        assertThat(Benchrun.run(dir, "save-baseline", "main").exit()).isZero();
        var compare = Benchrun.run(dir, "compare", "main", "--fail-on", "never");
        assertThat(compare.exit()).as(compare.err()).isZero();
        assertThat(compare.out())
                .contains(
                        "  measureMultiple[mode=thrpt] ",
                        "  measureMultiple[mode=avgt] ",
                        "  measureMultiple[mode=ss] ",
                        "3 compared: ");
    }
}
