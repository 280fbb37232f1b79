package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --shard I/N} and {@code merge}: a suite split over CI jobs and joined again (docs/ci.md). */
class ShardMergeCommandTest {

    private static final String[] SETTINGS = {
        "--jar", "fixtures.jar", "-f", "2", "-wi", "1", "-w", "100ms", "-i", "5", "-r", "100ms"
    };
    private static final Set<String> FIXTURES = Set.of("sum", "sumThroughput", "explode");

    @TempDir
    Path dir;

    private InProcess benchrun;

    @BeforeEach
    void setUp() throws Exception {
        benchrun = new InProcess(dir);
        Files.writeString(dir.resolve("benchrun.yaml"), "benchmarks: [ { match: 'sum.*', category: datapath } ]\n");
    }

    private InProcess.Result run(String... args) {
        return benchrun.run(Stream.of(Stream.of("run"), Stream.of(args), Stream.of(SETTINGS))
                .flatMap(s -> s)
                .toArray(String[]::new));
    }

    /** The benchmark ids of a dry run's plan table. */
    private Set<String> planned(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.add("--dry-run");
        var r = run(all.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return r.outLines().stream()
                .map(l -> l.split(" ")[0])
                .filter(FIXTURES::contains)
                .collect(Collectors.toSet());
    }

    private Set<String> ids(JsonNode run) {
        return StreamSupport.stream(run.get("benchmarks").spliterator(), false)
                .map(b -> b.get("id").asText())
                .collect(Collectors.toSet());
    }

    @Test
    void twoShardsAreDisjointAndTogetherTheWholeSelection() {
        var whole = planned("--filter", "sum");
        var first = planned("--filter", "sum", "--shard", "1/2");
        var second = planned("--filter", "sum", "--shard", "2/2");

        assertThat(whole).containsExactlyInAnyOrder("sum", "sumThroughput");
        assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(second);
        var union = new java.util.HashSet<>(first);
        union.addAll(second);
        assertThat(union).isEqualTo(whole);

        var dry = run("--filter", "sum", "--shard", "1/2", "--dry-run");
        assertThat(dry.out()).contains("Note: shard 1 of 2: 1 of the 2 selected benchmarks");
    }

    @Test
    void aShardNotesOnlyWhatConcernsItsOwnBenchmarks() throws Exception {
        Files.writeString(dir.resolve("benchrun.yaml"), """
                benchmarks:
                  - { match: 'sumThroughput', category: datapath, minWarmup: { iterations: 4 } }
                  - { match: 'sum', category: datapath }
                """);
        var whole = run("--filter", "sum", "--dry-run");
        assertThat(whole.out()).contains("Note: sumThroughput: warm-up raised to 4×100ms by the manifest's minWarmup");

        var first = run("--filter", "sum", "--shard", "1/2", "--dry-run");
        assertThat(first.out()).doesNotContain("sumThroughput");
        var second = run("--filter", "sum", "--shard", "2/2", "--dry-run");
        assertThat(second.out()).contains("Note: sumThroughput: warm-up raised to 4×100ms by the manifest's minWarmup");
    }

    @Test
    void aBenchmarkAddedToTheSelectionMovesNoOtherBetweenShards() {
        var before1 = planned("--filter", "sum", "--shard", "1/2");
        var before2 = planned("--filter", "sum", "--shard", "2/2");
        var after1 = planned("--shard", "1/2");
        var after2 = planned("--shard", "2/2");

        assertThat(after1).as("explode joined the selection").containsAll(before1);
        assertThat(after2).containsAll(before2);
        assertThat(after1.size() + after2.size()).isEqualTo(3);
        assertThat(after1).doesNotContainAnyElementsOf(before2);
        assertThat(after2).doesNotContainAnyElementsOf(before1);
    }

    @Test
    void theRunRecordsItsShard() throws Exception {
        var r = run("--filter", "sum", "--shard", "2/2");
        assertThat(r.exit()).as(r.err()).isZero();
        var stored = benchrun.storedRun(r.storedRunId());
        assertThat(stored.get("settings").get("shard").asText()).isEqualTo("2/2");
        assertThat(ids(stored)).containsExactly("sumThroughput");

        var whole = run("--filter", "sum");
        assertThat(benchrun.storedRun(whole.storedRunId()).get("settings").has("shard"))
                .isFalse();
    }

    @Test
    void badShardsAreRefused() {
        for (String bad : new String[] {"0/2", "3/2", "1/0", "2", "a/b", "1/2/3", "-1/2"}) {
            var r = run("--filter", "sum", "--shard", bad, "--dry-run");
            assertThat(r.exit()).as(bad + ": " + r.err()).isEqualTo(2);
            assertThat(r.errLines().get(0))
                    .as(bad)
                    .isEqualTo("benchrun: Invalid value for option '--shard': '" + bad
                            + "': expected I/N with 1 ≤ I ≤ N, e.g. 1/2");
        }
        var empty = run("--filter", "sum$", "--shard", "2/2", "--dry-run");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err())
                .startsWith("benchrun: --shard 2/2: no benchmark of the 1 selected falls in shard 2 of 2; use fewer"
                        + " shards or a wider selection");

        var ab = run("--filter", "sum", "--shard", "1/2", "--against", "fixtures.jar", "--dry-run");
        assertThat(ab.exit()).isEqualTo(2);
        assertThat(ab.err()).startsWith("benchrun: --shard is for a run of one build");
    }

    @Test
    void mergedShardsCompareWithAnUnshardedBaselineLikeAnyRun() throws Exception {
        var whole = run("--filter", "sum", "--save-baseline", "main");
        assertThat(whole.exit()).as(whole.err()).isZero();
        String first = run("--filter", "sum", "--shard", "1/2").storedRunId();
        var second = run("--filter", "sum", "--shard", "2/2");
        Path secondFile = benchrun.runDir(second.storedRunId()).resolve("run.json");

        var merge = benchrun.run("merge", first, secondFile.toString(), "--label", "nightly");
        assertThat(merge.exit()).as(merge.err()).isZero();
        String mergedId = benchrun.runIds().get(benchrun.runIds().size() - 1);
        assertThat(merge.out())
                .isEqualTo(
                        "Merged 2 runs (2 results) into run " + mergedId + " in " + benchrun.runDir(mergedId) + "\n");

        var merged = benchrun.storedRun(mergedId);
        var one = benchrun.storedRun(first);
        var two = benchrun.storedRun(second.storedRunId());
        assertThat(merged.get("label").asText()).isEqualTo("nightly");
        assertThat(merged.get("settings").has("shard")).isFalse();
        assertThat(merged.get("started").asText()).isEqualTo(one.get("started").asText());
        assertThat(merged.get("finished").asText())
                .isEqualTo(two.get("finished").asText());
        assertThat(merged.get("benchmarks"))
                .extracting(b -> b.get("id").asText())
                .containsExactly("sum", "sumThroughput");
        assertThat(merged.get("benchmarks").get(0))
                .isEqualTo(one.get("benchmarks").get(0));

        var compare = benchrun.run("compare", "main", "--format", "json", "--fail-on", "never");
        assertThat(compare.exit()).as(compare.err()).isZero();
        var comparison = Json.MAPPER.readTree(compare.out());
        assertThat(comparison.get("benchmarks"))
                .extracting(b -> b.get("id").asText())
                .containsExactlyInAnyOrderElementsOf(ids(benchrun.storedRun(whole.storedRunId())));
        assertThat(comparison.toString()).contains(mergedId);

        var unnamed = benchrun.run("merge", first, second.storedRunId());
        assertThat(unnamed.exit()).as(unnamed.err()).isZero();
        String unnamedId = benchrun.runIds().get(benchrun.runIds().size() - 1);
        assertThat(benchrun.storedRun(unnamedId).get("label").asText())
                .isEqualTo("merge of " + first + ", " + second.storedRunId());
    }

    @Test
    void runsOfDifferentProfilesOrWithTheSameBenchmarkAreNotMerged() throws Exception {
        String first = run("--filter", "sum", "--shard", "1/2").storedRunId();
        String ci = run("--filter", "sum", "--shard", "2/2", "--profile", "ci").storedRunId();
        int stored = benchrun.runIds().size();

        var mixed = benchrun.run("merge", first, ci);
        assertThat(mixed.exit()).isEqualTo(2);
        assertThat(mixed.errLines())
                .containsExactly("benchrun: runs " + first + " and " + ci
                        + " have different profiles (quick, ci): merge the shards of one build, or add --allow-mixed");
        assertThat(benchrun.runIds()).hasSize(stored);

        var allowed = benchrun.run("merge", first, ci, "--allow-mixed");
        assertThat(allowed.exit()).as(allowed.err()).isZero();

        String whole = run("--filter", "sum").storedRunId();
        var overlapping = benchrun.run("merge", first, whole);
        assertThat(overlapping.exit()).isEqualTo(2);
        assertThat(overlapping.errLines())
                .containsExactly("benchrun: benchmark sum[extra=-1,n=256] is in both run " + first + " and run " + whole
                        + ": merge joins disjoint parts, such as the shards of one run --shard I/N");

        var twice = benchrun.run(
                "merge", first, benchrun.runDir(first).resolve("run.json").toString());
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.errLines())
                .containsExactly("benchrun: run " + first + " is named twice ('"
                        + benchrun.runDir(first).resolve("run.json") + "'): give each shard's run once");

        var unknown = benchrun.run("merge", first, "nosuchrun");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("'nosuchrun' is not a baseline, a run id or a file");
    }
}
