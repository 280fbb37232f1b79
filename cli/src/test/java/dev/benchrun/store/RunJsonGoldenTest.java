package dev.benchrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.analysis.SteadyState;
import dev.benchrun.json.Json;
import dev.benchrun.model.RunResult;
import dev.benchrun.testing.Fixtures;
import dev.benchrun.testing.Golden;
import dev.benchrun.testing.Synthetic;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** run.json is a published format (docs/run-json.md): this test seals it. */
class RunJsonGoldenTest {

    @Test
    void runJsonIsSealed() throws Exception {
        var run = Fixtures.runWithNoise("20261123T061500Z-3fa2");
        String json = Json.write(run);
        Golden.assertMatches("run.json", json);
        assertThat(Json.MAPPER.readValue(json, RunResult.class)).isEqualTo(run);
    }

    @Test
    void aResultWhoseForksTrendKeepsItsWarning() throws Exception {
        // The golden's results have two iterations a fork, too few to test, so steadyState is absent
        // there; here one fork climbs 100 → 109 us/op.
        var forks = List.of(IntStream.range(0, 10).mapToObj(i -> 100.0 + i).toList());
        var result = Synthetic.result("grow", "datapath", "avgt", Synthetic.metric("us/op", forks), null);
        var run = Synthetic.run("20261123T061500Z-3fa2", SteadyState.assessed(List.of(result)));

        var written = Json.MAPPER.readTree(Json.write(run)).at("/benchmarks/0/steadyState");

        assertThat(written.asText())
                .isEqualTo("its fork still trends over its measured iterations (slower: score rises 8.6% from"
                        + " first to last; Mann–Kendall p < 0.001): warm up longer (manifest minWarmup)");
        assertThat(Json.MAPPER.readValue(Json.write(run), RunResult.class)).isEqualTo(run);
    }

    @Test
    void aRunJsonWrittenBeforeWallTimesWereRecordedStillReads() throws Exception {
        var run = Fixtures.run("20261123T061500Z-3fa2");
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(Json.write(run));
        json.withArray("benchmarks")
                .forEach(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove("wallSeconds"));

        var read = Json.MAPPER.treeToValue(json, RunResult.class);

        assertThat(run.benchmarks()).allSatisfy(r -> assertThat(r.wallSeconds()).isEqualTo(1.75));
        assertThat(read.benchmarks())
                .allSatisfy(r -> assertThat(r.wallSeconds()).isNull());
    }

    @Test
    void aRunJsonWrittenBeforeTheNoisePreflightStillReads() throws Exception {
        var run = Fixtures.run("20261123T061500Z-3fa2");
        String json = Json.write(run);
        assertThat(json).doesNotContain("\"noise\"");
        var read = Json.MAPPER.readValue(json, RunResult.class);
        assertThat(read.environment().noise()).isNull();
        assertThat(read).isEqualTo(run);
    }
}
