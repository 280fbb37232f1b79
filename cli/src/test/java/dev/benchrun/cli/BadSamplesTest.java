package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchrun.json.Json;
import dev.benchrun.store.Store;
import dev.benchrun.testing.Fixtures;
import dev.benchrun.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Samples the statistics cannot use, in a JMH file given to {@code compare} and {@code report
 * --baseline} and in a stored run that is {@code latest}: each is one line naming the file and the
 * benchmark, exit 2, before any statistics run.
 */
class BadSamplesTest {

    private static final String STORED = "20261123T061500Z-0001";
    private static final String LATEST = "20261124T061500Z-0002";

    @TempDir
    Path dir;

    private InProcess benchrun;

    @BeforeEach
    void storeARun() throws Exception {
        benchrun = new InProcess(dir);
        var store = new Store(benchrun.store());
        var run = Fixtures.run(STORED);
        store.publishRun(run, store.stagingDir(run.id()));
    }

    /** The fixture's avgt benchmark {@code sum} (result [1] of the file) with its samples changed. */
    static Stream<Arguments> badJmhSamples() {
        return Stream.of(
                Arguments.of(
                        "negative", raw("[[-1.0, 0.1], [0.1, 0.1]]"), "fork 1, iteration 1 is negative (-1.0 us/op)"),
                Arguments.of(
                        "all NaN",
                        raw("[[\"NaN\", \"NaN\"], [\"NaN\", \"NaN\"]]"),
                        "rawData[0][0] is \"NaN\": expected a number"),
                Arguments.of(
                        "infinite",
                        raw("[[\"Infinity\", 0.1], [0.1, 0.1]]"),
                        "fork 1, iteration 1 is Infinity us/op: outside the range"),
                Arguments.of(
                        "sum overflows",
                        raw("[[1e308, 1e308], [0.1, 0.1]]"),
                        "fork 1, iteration 1 is 1.0E308 us/op: outside the range"),
                Arguments.of("rawData missing", primary(p -> p.remove("rawData")), "primaryMetric.rawData is missing"),
                Arguments.of("rawData empty", raw("[]"), "primaryMetric.rawData is an empty array"),
                Arguments.of("fork empty", raw("[[], [0.1]]"), "fork 1 has no iterations"),
                Arguments.of(
                        "not numbers",
                        raw("[[\"fast\", 0.1], [0.1, 0.1]]"),
                        "rawData[0][0] is \"fast\": expected a number"),
                Arguments.of("all zero", raw("[[0, 0], [0, 0]]"), "every sample is 0 us/op: nothing was measured"),
                Arguments.of(
                        "negative allocation",
                        entry(e -> ((ObjectNode) e.at("/secondaryMetrics/gc.alloc.rate.norm"))
                                .set("rawData", json("[[-8.0, 8.0], [8.0, 8.0]]"))),
                        "'gc.alloc.rate.norm': fork 1, iteration 1 is negative (-8.0 B/op)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badJmhSamples")
    void aJmhFileWithSamplesTheStatisticsCannotUseIsOneLine(String what, Consumer<JsonNode> change, String problem)
            throws Exception {
        var file = Json.MAPPER.readTree(Golden.resource("jmh/jmh-1.37-gc.json"));
        change.accept(file.get(1));
        Files.writeString(dir.resolve("bad.json"), Json.write(file));
        for (var args : new String[][] {
            {"compare", "bad.json", STORED},
            {"compare", STORED, "bad.json"},
            {"report", STORED, "--baseline", "bad.json"}
        }) {
            var result = benchrun.run(args);
            assertThat(result.exit())
                    .as(String.join(" ", args) + "\n" + result.err())
                    .isEqualTo(2);
            assertThat(result.errLines())
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .startsWith("benchrun: " + dir.resolve("bad.json") + ": ")
                    .containsAnyOf("benchmark 'sum[extra=-1,n=256]' (avgt)", "(org.example.fixtures.TinyBench.sum)")
                    .contains(problem)
                    .doesNotContain("internal error", "Exception");
        }
    }

    static Stream<Arguments> badStoredRuns() {
        return Stream.of(
                Arguments.of(
                        "negative samples",
                        "/benchmarks/1/primary/forks/0/0",
                        json("-0.5"),
                        ": fork 1, iteration 1 is negative (-0.5 us/op)"),
                Arguments.of(
                        "no forks",
                        "/benchmarks/1/primary/forks",
                        json("[]"),
                        " has no samples (JMH's rawData): nothing to compare"),
                Arguments.of(
                        "a NaN sample",
                        "/benchmarks/1/primary/forks/1/1",
                        json("\"NaN\""),
                        ": fork 2, iteration 2 is NaN: not a measurement"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badStoredRuns")
    void aStoredRunWithSamplesTheStatisticsCannotUseIsOneLine(
            String what, String pointer, JsonNode value, String problem) throws Exception {
        var run = (ObjectNode) Json.MAPPER.readTree(Json.write(Fixtures.run(LATEST)));
        JsonNode parent = run.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        Path file = benchrun.runDir(LATEST).resolve("run.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.write(run));
        for (var args :
                new String[][] {{"compare", STORED, "latest"}, {"compare", STORED}, {"report", "--baseline", STORED}}) {
            var result = benchrun.run(args);
            assertThat(result.exit())
                    .as(String.join(" ", args) + "\n" + result.err())
                    .isEqualTo(2);
            assertThat(result.errLines())
                    .containsExactly(
                            "benchrun: " + file + ": benchmark 'sum[extra=-1,n=256]' (avgt): primary metric" + problem);
        }
    }

    @Test
    void zeroBytesPerOpIsAllocationFreeNotAnError() throws Exception {
        var file = Json.MAPPER.readTree(Golden.resource("jmh/jmh-1.37-gc.json"));
        ((ObjectNode) file.get(1).at("/secondaryMetrics/gc.alloc.rate.norm"))
                .put("score", 0.0)
                .set("rawData", json("[[0, 0], [0, 0]]"));
        Files.writeString(dir.resolve("free.json"), Json.write(file));
        var result = benchrun.run("compare", "free.json", STORED);
        assertThat(result.exit()).as(result.err()).isZero();
    }

    private static Consumer<JsonNode> raw(String rawData) {
        return primary(p -> p.set("rawData", json(rawData)));
    }

    private static Consumer<JsonNode> primary(Consumer<ObjectNode> change) {
        return entry(e -> change.accept((ObjectNode) e.get("primaryMetric")));
    }

    private static Consumer<JsonNode> entry(Consumer<JsonNode> change) {
        return change;
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
