package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baselines of several runs: kept with {@code --append}, listed with their runs, and judged with
 * the drift between their runs as a level of the model (docs/compare.md, "Baselines of several runs").
 */
class BaselineRunsCommandTest {

    private static final String[] SETTINGS = {
        "--jar", "fixtures.jar", "--filter", "sum$", "-f", "3", "-wi", "1", "-w", "100ms", "-i", "5", "-r", "100ms"
    };

    @TempDir
    Path dir;

    private InProcess benchrun;

    @BeforeEach
    void setUp() throws Exception {
        benchrun = new InProcess(dir);
        Files.writeString(dir.resolve("benchrun.yaml"), "benchmarks: [ { match: 'sum.*', category: datapath } ]\n");
    }

    private InProcess.Result run(String... args) {
        return benchrun.run(Stream.of(Stream.of("run"), Stream.of(SETTINGS), Stream.of(args))
                .flatMap(s -> s)
                .toArray(String[]::new));
    }

    /** Sessions that drift: each run of the same code a little slower or faster than the last. */
    private List<String> baselineOfDriftingRuns() {
        var ids = new ArrayList<String>();
        for (int slowdown : new int[] {0, 3, 1, 4, 2}) {
            var r = run("--jvm-args", "-Dfixture.slowdown=" + slowdown, "--save-baseline", "main", "--append");
            assertThat(r.exit()).as(r.err()).isZero();
            ids.add(r.storedRunId());
            assertThat(r.err())
                    .contains("Added run " + r.storedRunId() + " to baseline 'main', which now holds " + ids.size()
                            + " run" + (ids.size() == 1 ? "" : "s"));
        }
        return ids;
    }

    private JsonNode compareJson(String... args) throws Exception {
        var all = new ArrayList<>(List.of("compare"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json", "--fail-on", "never"));
        var r = benchrun.run(all.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return Json.MAPPER.readTree(r.out());
    }

    @Test
    void aBaselineOfSeveralRunsSeesTheDriftThatOneRunMistakesForAChange() throws Exception {
        var ids = baselineOfDriftingRuns();
        var drifted = run("--jvm-args", "-Dfixture.slowdown=3");
        String candidate = drifted.storedRunId();

        var several = compareJson("main", candidate).get("benchmarks").get(0);
        assertThat(several.get("baselineRuns").asInt()).isEqualTo(5);
        assertThat(several.get("candidateRuns").asInt()).isEqualTo(1);
        assertThat(several.get("runSpread").get("runVariance").asDouble()).isPositive();
        assertThat(several.get("runSpread").get("degreesOfFreedom").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(several.get("verdict").asText())
                .as("+3%% lies inside where the baseline's own sessions fall")
                .isIn("NO_CHANGE", "INCONCLUSIVE");

        // The same candidate against the first run alone: the drift looks like a change.
        var one = compareJson(benchrun.runDir(ids.get(0)).resolve("run.json").toString(), candidate);
        assertThat(one.get("benchmarks").get(0).get("baselineRuns").asInt()).isEqualTo(1);
        assertThat(one.get("benchmarks").get(0).get("verdict").asText()).isEqualTo("SLOWER");
        assertThat(one.get("benchmarks").get(0).get("warnings").toString())
                .contains("1 baseline run: session drift unseen");
        assertThat(one.get("warnings").toString()).contains("the baseline is one run");

        var regressed = run("--jvm-args", "-Dfixture.slowdown=40");
        var gate = benchrun.run("compare", "main", regressed.storedRunId());
        assertThat(gate.exit()).as(gate.out() + gate.err()).isEqualTo(1);
        assertThat(gate.out()).contains("REGRESSION").contains("5 baseline runs: sessions drift ±");
        assertThat(gate.out()).doesNotContain("the baseline is one run");
    }

    @Test
    void baselinesAreListedWithTheirRunsAndKeepTheNewest() throws Exception {
        var ids = baselineOfDriftingRuns();
        var list = benchrun.run("list", "baselines");
        assertThat(list.outLines())
                .filteredOn(l -> l.startsWith("main "))
                .singleElement()
                .asString()
                .contains(ids.get(4))
                .containsPattern(" 5 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d … \\d{4}-");

        var kept = benchrun.run("save-baseline", "main", "--append", "--keep", "2");
        assertThat(kept.exit()).as(kept.err()).isZero();
        var file = Json.MAPPER.readTree(
                benchrun.store().resolve("baselines/main.json").toFile());
        assertThat(file.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(file.get("runs"))
                .extracting(r -> r.get("id").asText())
                .as("the latest run was added again, so it moves to the end; the newest 2 are kept")
                .containsExactly(ids.get(3), ids.get(4));
    }

    @Test
    void aRunFileOrJmhsOwnFileCanBeKept() throws Exception {
        String id = run().storedRunId();
        Path runJson = benchrun.runDir(id).resolve("run.json");
        var saved = benchrun.run("save-baseline", "fromfile", "--run", runJson.toString());
        assertThat(saved.exit()).as(saved.err()).isZero();
        assertThat(saved.out()).contains("Saved run " + id + " as baseline 'fromfile'");

        Files.copy(benchrun.runDir(id).resolve("jmh.json"), dir.resolve("raw.json"));
        var raw = benchrun.run("save-baseline", "fromfile", "--run", "raw.json", "--append");
        assertThat(raw.exit()).as(raw.err()).isZero();
        assertThat(raw.out()).contains("Added run raw.json to baseline 'fromfile', which now holds 2 runs");
        var file = Json.MAPPER.readTree(
                benchrun.store().resolve("baselines/fromfile.json").toFile());
        assertThat(file.at("/runs/1/benchmarks/0/category").asText())
                .as("a JMH file is categorised by benchrun.yaml")
                .isEqualTo("datapath");

        var copied = benchrun.run(
                "save-baseline",
                "copy",
                "--run",
                benchrun.store().resolve("baselines/fromfile.json").toString());
        assertThat(copied.exit()).as(copied.err()).isZero();
        assertThat(copied.out()).contains("Saved 2 runs as baseline 'copy'");
    }

    @Test
    void badRequestsGetOneLineAndExitTwoAndKeepWhatIsStored() throws Exception {
        String id = run("--save-baseline", "main").storedRunId();
        Path file = benchrun.store().resolve("baselines/main.json");
        String before = Files.readString(file);
        int runs = benchrun.runIds().size();

        assertRefused(
                run("--save-baseline", "main"),
                "benchrun: baseline 'main' exists (" + file
                        + "); add --force to replace it, or --append to add the run to it");
        assertThat(benchrun.runIds()).as("refused before anything ran").hasSize(runs);
        assertRefused(
                benchrun.run("save-baseline", "main", "--append", "--force"),
                "benchrun: --force replaces a baseline and --append adds to one: give one");
        assertRefused(
                benchrun.run("save-baseline", "main", "--append", "--keep", "0"),
                "benchrun: --keep 0: a baseline keeps at least 1 run");
        assertRefused(
                benchrun.run("save-baseline", "main", "--keep", "3"),
                "benchrun: --keep is for --append: it says how many runs the baseline keeps");
        assertRefused(
                run("--append"),
                "benchrun: --append, --keep and --force say how to keep the run: add --save-baseline NAME");
        assertRefused(
                benchrun.run("save-baseline", "other", "--run", "gone.json"),
                "benchrun: --run " + dir.resolve("gone.json") + ": file not found");
        assertRefused(
                benchrun.run("save-baseline", "other", "--run", "zzz"),
                "benchrun: no run 'zzz' in store " + benchrun.store() + ": see 'benchrun list runs'");
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(benchrun.runIds()).hasSize(runs).contains(id);
    }

    @Test
    void quietlyTheRunIsKeptWithoutALine() throws Exception {
        var quiet = run("-q", "--save-baseline", "main", "--append");
        assertThat(quiet.exit()).as(quiet.err()).isZero();
        assertThat(quiet.errLines()).isEmpty();
        var file = Json.MAPPER.readTree(
                benchrun.store().resolve("baselines/main.json").toFile());
        assertThat(file.at("/runs/0/id").asText()).isEqualTo(quiet.storedRunId());
    }

    @Test
    void aRunWithoutResultsIsStoredButNotKeptAsABaseline() throws Exception {
        benchrun.jmh.failWhen(launch -> true);
        var failed = run("--save-baseline", "main", "--append");
        assertThat(failed.exit()).as(failed.err()).isNotZero().isNotEqualTo(2);
        assertThat(failed.errLines()).contains("Note: the run was not kept as baseline 'main': it has no results");
        assertThat(benchrun.store().resolve("baselines/main.json")).doesNotExist();
        assertThat(benchrun.runIds()).hasSize(1);
    }

    private static void assertRefused(InProcess.Result result, String line) {
        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly(line);
    }
}
