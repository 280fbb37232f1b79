package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.e2e.CiProjects.Change;
import dev.benchrun.e2e.CiRecipes.Block;
import dev.benchrun.e2e.CiRunner.Job;
import dev.benchrun.e2e.CiRunner.Step;
import dev.benchrun.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * benchrun's GitHub Action ({@code action.yml} at the root of the checkout), run by the stand-in
 * runner ({@link CiRunner}) as {@code uses: OWNER/benchrun@REF} in a workflow of a pull request of
 * the project {@link CiProjects} builds: each of its steps runs for real under {@code bash -eo
 * pipefail}, on the fixtures jar. One job uses it three times: an A/B session of the base and head
 * builds ({@code run} with {@code against}), a run compared with the committed baseline {@code main}
 * ({@code run} with {@code baseline}) and a comparison of that run with it again ({@code compare}).
 * On a head commit that measures the same, every use passes; on one that makes the benchmark {@value
 * CiProjects#SLOWER}% slower, each fails with exit 1 and still writes its job summary, counts the
 * regression in its outputs and uploads its report: the HTML page, the runs it links to, the compare
 * JSON.
 */
class ActionEndToEndIT {

    private static final Path ROOT =
            Path.of(System.getProperty("benchrun.root", "..")).toAbsolutePath().normalize();
    private static final String BENCHMARK = "TinyBench_hashWork_jmhTest";

    private static final String WORKFLOW = """
            jobs:
              bench:
                steps:
                  - uses: actions/checkout@v4
                    with: { path: head, fetch-depth: 0 }
                  - run: git -C head worktree add "$GITHUB_WORKSPACE/base" "${{ github.event.pull_request.base.sha }}"
                  - run: |
                      (cd base && mvn -B -q package -DskipTests)
                      (cd head && mvn -B -q package -DskipTests)
                  - name: A/B session
                    id: ab
                    uses: someone/benchrun@v0.1.0
                    with:
                      working-directory: head
                      jar: target/benchmarks.jar
                      against: ../base/target/benchmarks.jar
                      args: --max-time 5m --label "pull request ${{ github.sha }}"
                      report-dir: ../ab-report
                      artifact-name: ab
                  - name: Against the baseline
                    id: stored
                    if: always()
                    uses: someone/benchrun@v0.1.0
                    with:
                      working-directory: head
                      jar: target/benchmarks.jar
                      baseline: main
                      args: |
                        --profile ci
                        --threshold 'default=100%,250%'
                      report-dir: ../stored-report
                      artifact-name: stored
                  - name: Judged again
                    id: again
                    if: always()
                    uses: someone/benchrun@v0.1.0
                    with:
                      command: compare
                      working-directory: head
                      baseline: main
                      report-dir: ../again-report
                      artifact-name: again
                  - name: Outputs
                    if: always()
                    env:
                      AB: ${{ steps.ab.outputs.exit-code }} ${{ steps.ab.outputs.regressions }}
                      STORED: ${{ steps.stored.outputs.exit-code }} ${{ steps.stored.outputs.regressions }}
                    run: echo "ab=$AB stored=$STORED"
            """;

    @TempDir
    static Path dir;

    private static CiProjects projects;

    @BeforeAll
    static void standIns() throws IOException {
        projects = new CiProjects(Files.createDirectories(dir.resolve("stand-ins")), ROOT);
    }

    @Test
    void aChangeThatMeasuresTheSamePassesEveryUse() throws IOException {
        var run = run("same", Change.NOTHING, WORKFLOW);
        var steps = run.job().steps();
        String log = CiProjects.log(List.of(run.job()));

        assertThat(steps).as(log).noneMatch(Step::failed).allMatch(Step::ran);
        for (Step use : steps.subList(3, 6)) {
            assertThat(use.outputs()).as(log).containsEntry("exit-code", "0").containsEntry("regressions", "0");
            assertThat(use.outputs()).as(log).containsEntry("warnings", "0");
            assertThat(counted(use)).as("every verdict counted once\n" + log).isEqualTo(1);
            assertThat(use.outputs().get("summary"))
                    .as(log)
                    .contains("hashWork")
                    .doesNotContain("REGRESSION");
        }
        assertThat(steps.get(6).output()).isEqualTo("ab=0 0 stored=0 0\n");
        assertThat(steps.get(3).output()).as("the first use builds benchrun").contains("Building benchrun");
        assertThat(steps.get(4).output()).as("the next ones find it built").doesNotContain("Building benchrun");
        assertReport(run.runner(), "ab", 2);
    }

    @Test
    void aRegressionFailsEachUseAfterWritingItsSummaryOutputsAndReport() throws IOException {
        var run = run("slower", Change.SLOWER, WORKFLOW);
        var steps = run.job().steps();
        String log = CiProjects.log(List.of(run.job()));

        assertThat(steps).extracting(Step::exit).as(log).containsExactly(0, 0, 0, 1, 1, 1, 0);
        for (Step use : steps.subList(3, 6)) {
            assertThat(use.outputs())
                    .as(log)
                    .containsEntry("exit-code", "1")
                    .containsEntry("regressions", "1")
                    .containsEntry("unchanged", "0")
                    .containsEntry("improvements", "0");
            assertThat(counted(use)).as(log).isEqualTo(1);
            assertThat(use.outputs().get("summary"))
                    .as(log)
                    .contains("hashWork")
                    .contains("REGRESSION");
            assertThat(use.output())
                    .as("the gate's status is the last step's\n" + log)
                    .contains("--- Exit as the gate did: exit 1");
            assertThat(Path.of(use.outputs().get("report-dir"))).isDirectory();
        }
        assertThat(run.job().summary())
                .as("each use's summary in the job summary, though its gate failed\n" + log)
                .containsPattern("(?s)(REGRESSION.*){3}");
        assertThat(steps.get(6).output()).isEqualTo("ab=1 1 stored=1 1\n");
        assertReport(run.runner(), "ab", 2);
        assertReport(run.runner(), "stored", 1);
        assertReport(run.runner(), "again", 1);
        JsonNode stored = Json.MAPPER.readTree(
                run.runner().artefacts().resolve("stored/compare.json").toFile());
        assertThat(stored.path("settings")
                        .path("thresholds")
                        .path("default")
                        .path("failure")
                        .asDouble())
                .as("args split into words, quotes removed")
                .isEqualTo(2.5);
    }

    @Test
    void badInputIsExitTwoWithTheReasonInTheSummary() throws IOException {
        var run = run("bad-input", Change.NOTHING, """
                jobs:
                  bench:
                    steps:
                      - uses: actions/checkout@v4
                      - id: unclosed
                        uses: someone/benchrun@v0.1.0
                        with:
                          jar: target/benchmarks.jar
                          baseline: main
                          args: --label "unclosed
                      - id: command
                        if: always()
                        uses: someone/benchrun@v0.1.0
                        with: { command: judge, baseline: main, artifact-name: command }
                """);
        var steps = run.job().steps();
        String log = CiProjects.log(List.of(run.job()));

        assertThat(steps).extracting(Step::exit).as(log).containsExactly(0, 2, 2);
        assertThat(steps.get(1).outputs()).containsEntry("exit-code", "2").containsEntry("regressions", "");
        assertThat(run.job().summary())
                .as(log)
                .contains("benchrun exited 2 before anything ran: input args: xargs: unmatched double quote")
                .contains("input command is 'judge': give run or compare");
    }

    private record Run(CiRunner runner, Job job) {}

    private static Run run(String name, Change change, String workflow) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        var project = projects.project(home.resolve("origin"), BENCHMARK, change);
        var runner = new CiRunner(
                name, home.resolve("ci"), project, Map.of(), projects.environment(false), projects.actions());
        var jobs = runner.run(new Block(home.resolve("workflow.md"), 1, "yaml", workflow, "recipe", name));
        assertThat(jobs).hasSize(1);
        return new Run(runner, jobs.get(0));
    }

    /** How many benchmarks the outputs count, over every verdict. */
    private static int counted(Step use) {
        return List.of("regressions", "warnings", "slower", "inconclusive", "improvements", "unchanged").stream()
                .mapToInt(k -> Integer.parseInt(use.outputs().get(k)))
                .sum();
    }

    /** The artefact holds the page, the compare JSON, the summary and the runs the page links to. */
    private static void assertReport(CiRunner runner, String artefact, int runs) throws IOException {
        Path report = runner.artefacts().resolve(artefact);
        assertThat(report.resolve("index.html")).isRegularFile();
        assertThat(report.resolve("summary.md")).isRegularFile();
        JsonNode compare = Json.MAPPER.readTree(report.resolve("compare.json").toFile());
        String candidate = compare.path("candidate").path("runId").asText();
        assertThat(report.resolve("store/runs/" + candidate + "/run.json")).isRegularFile();
        assertThat(Files.readString(report.resolve("index.html")))
                .contains("href=\"store/runs/" + candidate + "/run.json\"");
        try (var dirs = Files.list(report.resolve("store/runs"))) {
            assertThat(dirs.count()).as("runs in the report's store").isEqualTo(runs);
        }
    }
}
