package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code list} and {@code save-baseline} in process. */
class ListCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsTheJarsBenchmarksWithTheirCategoriesAndBudgets() throws Exception {
        var benchrun = new InProcess(dir);
        Files.writeString(
                dir.resolve("benchrun.yaml"),
                "benchmarks: [ { match: 'sum', category: datapath, budget: '< 1 us' } ]\n");

        var result = benchrun.run("list", "--jar", "fixtures.jar");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.outLines())
                .containsExactly(
                        "Benchmark      Category       Mode   Budget  Params",
                        "explode        uncategorised  avgt",
                        "sum            datapath       avgt   < 1 us  extra=-1 n=256",
                        "sumThroughput  uncategorised  thrpt          extra=-1 n=256");
        assertThat(benchrun.run("list", "--jar", "fixtures.jar", "--category", "datapath")
                        .outLines())
                .hasSize(2);
    }

    @Test
    void listsStoredRunsAndBaselinesEvenWhenAFileIsDamaged() throws Exception {
        var benchrun = new InProcess(dir);
        String id = benchrun.run(
                        "run", "--jar", "fixtures.jar", "--filter", "sum$", "-f", "1", "-i", "2", "--label", "PR-1")
                .storedRunId();
        var saved = benchrun.run("save-baseline", "main");
        assertThat(saved.outLines())
                .containsExactly("Saved run " + id + " as baseline 'main' ("
                        + benchrun.store().resolve("baselines/main.json") + ")");
        assertThat(benchrun.run("-q", "save-baseline", "quiet").out()).isEmpty();
        Files.writeString(benchrun.store().resolve("baselines/broken.json"), "{");

        var runs = benchrun.run("list", "runs");
        assertThat(runs.exit()).isZero();
        assertThat(runs.outLines()).hasSize(2);
        assertThat(runs.outLines().get(1))
                .startsWith(id)
                .contains("  PR-1  ")
                .endsWith("quick    run         1       0");

        var baselines = benchrun.run("list", "baselines");
        assertThat(baselines.exit()).isZero();
        assertThat(baselines.outLines()).hasSize(4);
        assertThat(baselines.outLines().get(1))
                .startsWith("broken    unreadable: " + benchrun.store().resolve("baselines/broken.json")
                        + " is not valid JSON: ");
        assertThat(baselines.outLines().get(2)).startsWith("main      " + id).endsWith("  PR-1         1");
    }

    @Test
    void listsTheShippedProfilesThenTheWorkingDirectorysOwn() throws Exception {
        var benchrun = new InProcess(dir);
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(
                dir.resolve("profiles/nightly.yaml"), "extends: full\ndescription: every night\njmh: { forks: 5 }\n");
        Files.writeString(dir.resolve("profiles/ci.yaml"), "extends: quick\ndescription: our own ci\n");

        var result = benchrun.run("list", "profiles");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.outLines().stream().map(l -> l.split(" +")[0]))
                .containsExactly("Profile", "quick", "ci", "full", "g1", "parallel", "zgc", "pairs", "nightly");
        assertThat(result.outLines())
                .anySatisfy(l -> assertThat(l).startsWith("ci ").endsWith("our own ci"));
        assertThat(result.outLines().get(result.outLines().size() - 1)).endsWith("every night");
        assertThat(benchrun.run("run", "--jar", "fixtures.jar", "--profile", "nope", "--dry-run")
                        .errLines())
                .first()
                .asString()
                .contains("use one of [quick, ci, full, g1, parallel, zgc, pairs, nightly] or a YAML file");
    }

    @Test
    void anUnknownTopicIsAUsageErrorNamingTheTopics() throws Exception {
        var result = new InProcess(dir).run("list", "nope");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines())
                .containsExactly(
                        "benchrun: Invalid value for positional parameter at index 0 "
                                + "(WHAT): unknown topic 'nope': use one of benchmarks, runs, baselines, profiles",
                        "Try 'benchrun list --help'.");
    }
}
