package dev.benchrun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.BenchrunException;
import dev.benchrun.json.Json;
import dev.benchrun.model.Baseline;
import dev.benchrun.testing.Fixtures;
import dev.benchrun.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baseline files are a published, portable format (docs/run-json.md, "Baseline files"): sealed here. */
class BaselineFileTest {

    @TempDir
    Path dir;

    private static Baseline twoRuns() throws Exception {
        return new Baseline(
                Baseline.SCHEMA_VERSION,
                "main",
                Instant.parse("2026-11-23T07:00:00Z"),
                List.of(Fixtures.run("20261123T061500Z-3fa2"), Fixtures.run("20261123T062500Z-41b0")));
    }

    @Test
    void aBaselineOfSeveralRunsIsSealed() throws Exception {
        String json = Json.write(twoRuns());
        Golden.assertMatches("baseline.json", json);
        Path file = dir.resolve("main.json");
        Files.writeString(file, json);
        assertThat(RunFiles.readBaseline(file)).isEqualTo(twoRuns());
        assertThat(RunFiles.readRun(file).id())
                .as("read as a run, a baseline is its newest run")
                .isEqualTo("20261123T062500Z-41b0");
    }

    @Test
    void aBaselineOfVersion1IsStillReadAsOneRun() throws Exception {
        var run = Fixtures.run("20261123T061500Z-3fa2");
        Path file = dir.resolve("old.json");
        Files.writeString(
                file,
                "{\"schemaVersion\": 1, \"name\": \"old\", \"savedAt\": \"2026-11-20T10:00:00Z\", \"run\": "
                        + Json.write(run) + "}");
        var baseline = RunFiles.readBaseline(file);
        assertThat(baseline.name()).isEqualTo("old");
        assertThat(baseline.savedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(baseline.runs()).containsExactly(run);
    }

    @Test
    void aNewerBaselineIsRefusedWithOneLine() throws Exception {
        Path file = dir.resolve("new.json");
        Files.writeString(file, Json.write(twoRuns()).replaceFirst("\"schemaVersion\" : 2", "\"schemaVersion\" : 3"));
        assertThatThrownBy(() -> RunFiles.readBaseline(file))
                .isInstanceOf(BenchrunException.class)
                .hasMessage(file + " has schemaVersion 3; this benchrun reads version 2: use the benchrun that wrote "
                        + "it, or a newer one");
    }

    @Test
    void aBaselineWithoutRunsOrWithABadRunIsRefused() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"schemaVersion\": 2, \"name\": \"bad\", \"runs\": []}");
        assertThatThrownBy(() -> RunFiles.readBaseline(file))
                .hasMessage(file + " is not a valid baseline file: 'runs' must be a list of at least one run");
        Files.writeString(file, "{\"schemaVersion\": 2, \"name\": \"bad\", \"runs\": [5]}");
        assertThatThrownBy(() -> RunFiles.readBaseline(file))
                .hasMessage(file + " is not a valid baseline file: runs[0] is not a run");
        Files.writeString(
                file,
                "{\"schemaVersion\": 2, \"name\": \"bad\", \"runs\": ["
                        + Json.write(Fixtures.run("20261123T061500Z-3fa2"))
                                .replaceFirst("\"schemaVersion\" : 1", "\"schemaVersion\" : 9")
                        + "]}");
        assertThatThrownBy(() -> RunFiles.readBaseline(file))
                .hasMessage(file + " has runs[0].schemaVersion 9; this benchrun reads version 1: use the benchrun "
                        + "that wrote it, or a newer one");
    }
}
