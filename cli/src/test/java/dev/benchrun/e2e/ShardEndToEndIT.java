package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.json.Json;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar: a suite split with run --shard I/N, joined with merge, compared with an unsharded run. */
class ShardEndToEndIT {

    private static final String[] SHORT = {
        "--jar",
        "",
        "--filter",
        "sum$",
        "--filter",
        "hashWork",
        "-f",
        "1",
        "-wi",
        "1",
        "-w",
        "100ms",
        "-i",
        "3",
        "-r",
        "100ms"
    };

    @TempDir
    Path dir;

    private static String[] args(String... head) {
        String[] settings = SHORT.clone();
        settings[1] = Benchrun.FIXTURES.toString();
        return Stream.concat(Stream.of(head), Stream.of(settings)).toArray(String[]::new);
    }

    /** The crypto benchmarks in a dry run's plan table. */
    private Set<String> cryptoPlan(String... shard) {
        var r = Benchrun.run(
                dir,
                Stream.concat(Stream.of("run", "--category", "crypto", "--dry-run"), Stream.of(shard))
                        .toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out()
                .lines()
                .map(l -> l.split(" +"))
                .filter(cells -> cells.length > 2 && cells[1].equals("crypto"))
                .map(cells -> cells[0])
                .collect(Collectors.toSet());
    }

    private static String storedRunId(Benchrun.Result r) {
        return r.out()
                .lines()
                .filter(l -> l.startsWith("Stored run "))
                .findFirst()
                .map(l -> l.split(" ")[2])
                .orElseThrow(() -> new AssertionError("no run stored:\n" + r.out() + r.err()));
    }

    @Test
    void theCryptoCategorysTwoShardsAreDisjointAndTogetherComplete() {
        var whole = cryptoPlan();
        var first = cryptoPlan("--shard", "1/2");
        var second = cryptoPlan("--shard", "2/2");

        assertThat(whole).hasSizeGreaterThanOrEqualTo(10);
        assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(second);
        assertThat(second).isNotEmpty();
        var union = new HashSet<>(first);
        union.addAll(second);
        assertThat(union).isEqualTo(whole);
    }

    @Test
    void mergedShardRunsCompareWithAnUnshardedRunLikeAnyRun() throws Exception {
        var whole = Benchrun.run(dir, args("run", "--save-baseline", "unsharded"));
        assertThat(whole.exit()).as(whole.err()).isZero();
        var first = Benchrun.run(dir, args("run", "--shard", "1/2"));
        assertThat(first.exit()).as(first.err()).isZero();
        var second = Benchrun.run(dir, args("run", "--shard", "2/2"));
        assertThat(second.exit()).as(second.err()).isZero();
        // As a CI job gets them: one run.json artefact per shard.
        Path artefact = dir.resolve(".benchrun/runs/" + storedRunId(second) + "/run.json");

        var merge = Benchrun.run(dir, "merge", storedRunId(first), artefact.toString());
        assertThat(merge.exit()).as(merge.err()).isZero();
        assertThat(merge.out()).startsWith("Merged 2 runs (2 results) into run ");

        var compare = Benchrun.run(dir, "compare", "unsharded", "--format", "json", "--fail-on", "never");
        assertThat(compare.exit()).as(compare.err()).isZero();
        var comparison = Json.MAPPER.readTree(compare.out());
        assertThat(comparison.get("onlyInBaseline")).isEmpty();
        assertThat(comparison.get("onlyInCandidate")).isEmpty();
        var benchmarks = comparison.get("benchmarks");
        assertThat(StreamSupport.stream(benchmarks.spliterator(), false)
                        .map(b -> b.get("id").asText())
                        .toList())
                .containsExactlyInAnyOrder("sum", "hashWork");
    }
}
