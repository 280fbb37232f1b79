package dev.benchrun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.json.Json;
import dev.benchrun.model.RunResult;
import dev.benchrun.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreTest {

    @TempDir
    Path dir;

    @Test
    void runIdsSortByTime() {
        String early = Store.newRunId(Instant.parse("2026-11-23T06:15:00Z"));
        String late = Store.newRunId(Instant.parse("2026-11-23T06:15:01Z"));
        assertThat(early).matches("20261123T061500Z-[0-9a-f]{4}");
        assertThat(early).isLessThan(late);
    }

    @Test
    void publishedRunIsReadBackWhole() throws Exception {
        var store = new Store(dir);
        var run = Fixtures.run("20261123T061500Z-0001");
        store.publishRun(run, store.stagingDir(run.id()));
        assertThat(store.runIds()).containsExactly(run.id());
        assertThat(store.readRun("latest")).isEqualTo(run);
        assertThat(store.readRun("20261123T0615")).isEqualTo(run);
    }

    @Test
    void unfinishedRunsAreInvisible() throws Exception {
        var store = new Store(dir);
        Path staging = store.stagingDir("20261123T061500Z-0002");
        Files.writeString(staging.resolve("jmh.log"), "half a run");
        assertThat(store.runIds()).isEmpty();
        assertThatThrownBy(() -> store.readRun("latest"))
                .isInstanceOf(BenchrunException.class)
                .hasMessageContaining("no runs");
    }

    @Test
    void latestSkipsProfileRunsAndRunsInterruptedBeforeAnyResult() throws Exception {
        var store = new Store(dir);
        var measured = Fixtures.run("20261123T061500Z-0001");
        var partial = interrupted(Fixtures.run("20261123T061600Z-0002"), false);
        var profiled = Fixtures.run("20261123T061700Z-0003").withKind(RunResult.PROFILE);
        var empty = interrupted(Fixtures.run("20261123T061800Z-0004"), true);
        for (var run : List.of(measured, partial, profiled, empty)) {
            store.publishRun(run, store.stagingDir(run.id()));
        }

        assertThat(store.latestRunId()).contains(partial.id());
        assertThat(store.resolveRunId("latest")).isEqualTo(partial.id());
        assertThat(store.readRun(null)).isEqualTo(partial);
        assertThat(store.readRun(profiled.id()).kind()).isEqualTo(RunResult.PROFILE);
        assertThat(store.readRun(empty.id())).isEqualTo(empty);
    }

    @Test
    void aStoreOfProfileRunsOnlyHasNoLatestAndSaysWhy() throws Exception {
        var store = new Store(dir);
        var profiled = Fixtures.run("20261123T061700Z-0003").withKind(RunResult.PROFILE);
        store.publishRun(profiled, store.stagingDir(profiled.id()));
        assertThatThrownBy(() -> store.readRun("latest"))
                .isInstanceOf(BenchrunException.class)
                .hasMessageContaining("profile runs")
                .hasMessageContaining("name a run by its id")
                .extracting(e -> ((BenchrunException) e).exitCode())
                .isEqualTo(ExitCode.INPUT);
    }

    @Test
    void aRunFileWithoutKindReadsAsAnOrdinaryRun() throws Exception {
        Path file = dir.resolve("run.json");
        String json = Json.write(Fixtures.run("20261123T061500Z-0001"));
        assertThat(json).contains("\"kind\" : \"run\"");
        Files.writeString(file, json.replaceAll(",\\s*\"kind\" : \"run\"", ""));
        assertThat(Files.readString(file)).doesNotContain("kind");
        var run = RunFiles.readRun(file);
        assertThat(run.kind()).isEqualTo(RunResult.RUN);
        assertThat(run.representative()).isTrue();
    }

    private static RunResult interrupted(RunResult run, boolean empty) {
        return new RunResult(
                run.schemaVersion(),
                run.id(),
                run.label(),
                run.started(),
                run.finished(),
                run.environment(),
                run.settings(),
                empty ? List.of() : run.benchmarks(),
                run.failures(),
                true);
    }

    @Test
    void baselineIsNeverOverwrittenSilently() throws Exception {
        var store = new Store(dir);
        var first = Fixtures.run("20261123T061500Z-0001");
        var second = Fixtures.run("20261123T061600Z-0002");
        store.saveBaseline("main", List.of(first), false);
        assertThatThrownBy(() -> store.saveBaseline("main", List.of(second), false))
                .isInstanceOf(BenchrunException.class)
                .hasMessageContaining("baseline 'main' exists")
                .hasMessageContaining("--force");
        assertThat(store.readBaseline("main").latest().id()).isEqualTo(first.id());
        store.saveBaseline("main", List.of(second), true);
        assertThat(store.readBaseline("main").latest().id()).isEqualTo(second.id());
        assertThat(store.baselineNames()).containsExactly("main");
        try (var files = Files.list(store.baselinesDir())) {
            assertThat(files).as("no temporary files left behind").hasSize(1);
        }
    }

    @Test
    void appendingKeepsTheRunsAddedLast() throws Exception {
        var store = new Store(dir);
        var runs = List.of(
                Fixtures.run("20261123T061500Z-0001"),
                Fixtures.run("20261123T061600Z-0002"),
                Fixtures.run("20261123T061700Z-0003"),
                Fixtures.run("20261123T061800Z-0004"));
        store.appendToBaseline("main", List.of(runs.get(0)), 3);
        assertThat(store.readBaseline("main").runs())
                .extracting(r -> r.id())
                .containsExactly(runs.get(0).id());
        store.appendToBaseline("main", List.of(runs.get(1)), 3);
        store.appendToBaseline("main", List.of(runs.get(2)), 3);
        store.appendToBaseline("main", List.of(runs.get(3)), 3);
        assertThat(store.readBaseline("main").runs())
                .extracting(r -> r.id())
                .as("the oldest dropped once three are kept")
                .containsExactly(runs.get(1).id(), runs.get(2).id(), runs.get(3).id());
        store.appendToBaseline("main", List.of(runs.get(2)), 3);
        assertThat(store.readBaseline("main").runs())
                .extracting(r -> r.id())
                .as("a run added again moves to the end, never counted twice")
                .containsExactly(runs.get(1).id(), runs.get(3).id(), runs.get(2).id());
        store.appendToBaseline("main", List.of(runs.get(0)), 1);
        assertThat(store.readBaseline("main").runs())
                .extracting(r -> r.id())
                .containsExactly(runs.get(0).id());
        try (var files = Files.list(store.baselinesDir())) {
            assertThat(files).as("no temporary files left behind").hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a b", "", ".hidden", "x/y", "a..b", "-dash"})
    void unsafeNamesAreRefused(String name) {
        assertThatThrownBy(() -> Names.checkBaselineName(name))
                .isInstanceOf(BenchrunException.class)
                .extracting(e -> ((BenchrunException) e).exitCode())
                .isEqualTo(ExitCode.INPUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "release-1.2", "v2_candidate", "A"})
    void plainNamesAreAccepted(String name) {
        assertThat(Names.checkBaselineName(name)).isEqualTo(name);
    }

    @Test
    void newerSchemaIsAClearInputError() throws Exception {
        Path file = dir.resolve("run.json");
        Files.writeString(
                file,
                Json.write(Fixtures.run("20261123T061500Z-0001"))
                        .replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 99"));
        assertThatThrownBy(() -> RunFiles.readRun(file))
                .isInstanceOf(BenchrunException.class)
                .hasMessageContaining("schemaVersion 99")
                .hasMessageContaining(file.toString());
    }

    @Test
    void malformedRunFileIsAClearInputError() throws Exception {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "{ \"schemaVersion\": 1, \"id\": ");
        assertThatThrownBy(() -> RunFiles.readRun(file))
                .isInstanceOf(BenchrunException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void atomicWriteReplacesWholeOrNotAtAll() throws Exception {
        Path target = dir.resolve("baseline.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(
                        target,
                        channel -> {
                            channel.write(java.nio.ByteBuffer.wrap("new, but half".getBytes()));
                            throw new java.io.IOException("disk full");
                        },
                        true))
                .hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
