package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar records the commit it is told, not the checkout's it happens to run in. */
class RevisionEndToEndIT {

    @TempDir
    Path dir;

    @Test
    void theCommitGivenIsRecordedAndABadOneIsRefused() throws Exception {
        var result = run("--commit", "0a1b2c3d4e5f60718293", "--branch", "v1");
        assertThat(result.exit()).as(result.err()).isZero();
        var git = onlyRun().at("/environment/git");
        assertThat(git.get("commit").asText()).isEqualTo("0a1b2c3d4e5f60718293");
        assertThat(git.get("branch").asText()).isEqualTo("v1");
        assertThat(git.get("source").asText()).isEqualTo("option");

        var bad = run("--commit", "v1.2");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.errLines())
                .containsExactly("benchrun: --commit 'v1.2': not a commit id (7 to 64 hexadecimal digits)");
    }

    private Benchrun.Result run(String... extra) {
        var args = new java.util.ArrayList<>(java.util.List.of(
                "run",
                "--jar",
                Benchrun.FIXTURES.toString(),
                "--filter",
                "sum$",
                "-f",
                "1",
                "-wi",
                "1",
                "-w",
                "100ms",
                "-i",
                "2",
                "-r",
                "100ms"));
        args.addAll(java.util.List.of(extra));
        return Benchrun.run(dir, args.toArray(String[]::new));
    }

    private JsonNode onlyRun() throws IOException {
        try (var runs = Files.list(dir.resolve(".benchrun/runs"))) {
            var run = runs.filter(p -> !p.getFileName().toString().startsWith("."))
                    .findFirst()
                    .orElseThrow();
            return Json.MAPPER.readTree(run.resolve("run.json").toFile());
        }
    }
}
