package dev.benchrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.json.Json;
import dev.benchrun.model.RunResult;
import dev.benchrun.testing.Fixtures;
import dev.benchrun.testing.Golden;
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
    void aRunJsonWrittenBeforeTheNoisePreflightStillReads() throws Exception {
        var run = Fixtures.run("20261123T061500Z-3fa2");
        String json = Json.write(run);
        assertThat(json).doesNotContain("\"noise\"");
        var read = Json.MAPPER.readValue(json, RunResult.class);
        assertThat(read.environment().noise()).isNull();
        assertThat(read).isEqualTo(run);
    }
}
