package dev.benchrun.e2e;

import static dev.benchrun.e2e.CiProjects.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.e2e.CiProjects.Change;
import dev.benchrun.e2e.CiRecipes.Block;
import dev.benchrun.e2e.CiRunner.Job;
import dev.benchrun.e2e.CiRunner.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CI recipe of the docs, run step by step as its CI system would run it, on a pull request of
 * a temporary git repository that stands in for the user's project: a recipe that breaks fails the
 * build. A recipe is a fenced block marked {@code <!-- recipe: NAME -->} in the Markdown; a YAML
 * block that configures CI jobs without a marker fails {@link #everyCiBlockOfTheDocsIsAMarkedRecipe}.
 * {@link CiRunner} is the stand-in CI system.
 *
 * <p>The project and its pull request are {@link CiProjects}': its head commit either changes
 * nothing that is measured or makes the benchmarks do {@value CiProjects#SLOWER}% more work: then
 * the gate must fail with exit 1, and what the recipe writes for a human (job summary, report, JUnit
 * XML) must be there and name the regression. A recipe that uses benchrun's own action ({@code uses:
 * OWNER/benchrun@REF}) runs the {@code action.yml} of this checkout ({@link ActionEndToEndIT} tests
 * the action's inputs and outputs).
 *
 * <p>{@code -Dbenchrun.recipes=NAME,…} runs only the recipes named. The A/B recipes and the
 * sharded one run only with the slower head: a session that finds no change takes as long again,
 * and the green path of a gate is the stored-baseline recipes' (and {@link ActionEndToEndIT}'s).
 */
class CiRecipesEndToEndIT {

    private static final Path ROOT =
            Path.of(System.getProperty("benchrun.root", "..")).toAbsolutePath().normalize();
    /** The project of most recipes: one fixture benchmark. */
    private static final String ONE = "TinyBench_hashWork_jmhTest";
    /** The project of a sharded recipe: one benchmark in each shard of four (run --shard hashes the names). */
    private static final String FOUR =
            "TinyBench_(sum|allocate|hashWork)_jmhTest|ModesBench_measureMultiple_jmhTest S [0-9]+ measureMultiple S [0-9]+ AverageTime";

    /** The changes a recipe is run with; a recipe not named here is run with both. */
    private static final Map<String, List<Change>> CHANGES = Map.of(
            "github-ab", List.of(Change.SLOWER),
            "github-action", List.of(Change.SLOWER),
            "github-shards", List.of(Change.SLOWER));

    @TempDir
    static Path dir;

    private static CiProjects projects;

    @BeforeAll
    static void standIns() throws IOException {
        projects = new CiProjects(Files.createDirectories(dir.resolve("stand-ins")), ROOT);
    }

    private static List<Block> blocks() {
        return CiRecipes.blocks(CiRecipes.pages(ROOT));
    }

    private static List<Block> recipes() {
        return blocks().stream().filter(Block::isRecipe).toList();
    }

    @Test
    void everyCiBlockOfTheDocsIsAMarkedRecipe() {
        var blocks = blocks();
        assertThat(blocks.stream().filter(b -> b.looksLikeCi() && !b.isRecipe()).map(Block::where))
                .as("YAML blocks with jobs:, steps: or script: without <!-- recipe: NAME --> right before them")
                .isEmpty();
        var names = recipes().stream().map(Block::name).toList();
        assertThat(names).as("recipe names").doesNotHaveDuplicates().containsAll(CHANGES.keySet());
        assertThat(recipes())
                .as("an A/B recipe and a sharded one")
                .anyMatch(b -> b.text().contains("--against"))
                .anyMatch(b -> b.text().contains("--shard"));
        assertThat(blocks.stream().filter(Block::isFile).map(Block::name)).contains(".gitignore");
    }

    @Test
    void anUnmarkedCiBlockIsFoundAndAMarkedOneIsARecipe() throws IOException {
        Path page = Files.writeString(dir.resolve("page.md"), """
                A job:

                ```yaml
                jobs:
                  x:
                    steps: []
                ```

                <!-- recipe: marked -->
                ````yaml
                script:
                  - echo ```
                ````

                ```yaml
                jmh: { forks: 1 }
                ```
                """);
        var blocks = CiRecipes.blocks(page);

        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).looksLikeCi()).isTrue();
        assertThat(blocks.get(0).isRecipe()).isFalse();
        assertThat(blocks.get(1).isRecipe()).isTrue();
        assertThat(blocks.get(1).name()).isEqualTo("marked");
        assertThat(blocks.get(1).text()).isEqualTo("script:\n  - echo ```\n");
        assertThat(blocks.get(2).looksLikeCi()).isFalse();
    }

    /** The stand-in runner itself, on a workflow of its own: what the recipes' checks rely on. */
    @Test
    void theStandInRunnerOrdersJobsByNeedsExpandsTheMatrixAndPassesArtefacts() throws IOException {
        var jobs = selfTest("github", """
                jobs:
                  last:
                    needs: first
                    steps:
                      - uses: actions/download-artifact@v4
                        with: { path: parts, merge-multiple: true }
                      - run: cat parts/part-a.txt parts/part-b.txt
                      - run: exit 3
                      - if: failure()
                        run: echo "summary even so" >> "$GITHUB_STEP_SUMMARY"
                      - run: echo never
                  first:
                    strategy:
                      matrix:
                        part: [a, b]
                    steps:
                      - uses: actions/checkout@v4
                      - run: echo "${{ matrix.part }} $(cat README.md)" > part-${{ matrix.part }}.txt
                      - uses: actions/upload-artifact@v4
                        with:
                          name: part-${{ matrix.part }}
                          path: part-${{ matrix.part }}.txt
                """);

        assertThat(jobs).extracting(Job::name).containsExactly("first (a)", "first (b)", "last");
        var last = jobs.get(2).steps();
        assertThat(last.get(1).output()).isEqualTo("a self test\nb self test\n");
        assertThat(last).extracting(Step::ran).containsExactly(true, true, true, true, false);
        assertThat(last.get(2).exit()).isEqualTo(3);
        assertThat(jobs.get(2).summary()).isEqualTo("summary even so\n");
    }

    @Test
    void theStandInRunnerGivesGitLabsParallelJobsTheirNodeAndTheArtefactsOfTheJobsBefore() throws IOException {
        var jobs = selfTest("gitlab", """
                shard:
                  parallel: 2
                  script:
                    - mkdir -p nodes && echo "$CI_NODE_INDEX/$CI_NODE_TOTAL" > "nodes/$CI_NODE_INDEX.txt"
                  artifacts:
                    paths: [nodes/]
                merge:
                  needs: [shard]
                  script:
                    - cat nodes/1.txt nodes/2.txt
                """);

        assertThat(jobs).extracting(Job::name).containsExactly("shard 1/2", "shard 2/2", "merge");
        assertThat(jobs).allMatch(Job::succeeded);
        assertThat(jobs.get(2).steps().get(0).output()).isEqualTo("1/2\n2/2\n");
    }

    @Test
    void theStandInRunnerRefusesWhatARealRunWouldNotDo() {
        assertThatThrownBy(() -> selfTest("missing", """
                        jobs:
                          j:
                            steps:
                              - uses: actions/upload-artifact@v4
                                with: { name: report, path: report.html }
                        """))
                .hasMessageContaining("upload-artifact report: report.html does not exist");
        assertThatThrownBy(() -> selfTest("unknown", "jobs:\n  j:\n    steps:\n      - uses: some/action@v1\n"))
                .hasMessageContaining("no stand-in for uses: some/action@v1");
        assertThatThrownBy(() -> selfTest(
                        "runner-in-job-env",
                        "jobs:\n  j:\n    env: { STORE: '${{ runner.temp }}/x' }\n    steps: [ { run: 'true' } ]\n"))
                .hasMessageContaining("${{ runner.temp }} is not available there");
        assertThatThrownBy(() -> selfTest("dead-link", """
                        jobs:
                          j:
                            steps:
                              - run: mkdir -p runs/r && echo {} > runs/r/run.json && echo '<a href="runs/r/run.json">run</a>' > report.html
                              - uses: actions/upload-artifact@v4
                                with: { name: report, path: report.html }
                        """))
                .hasMessageContaining("report.html links to runs/r/run.json, which the artefact does not hold");
    }

    @Test
    void theStandInRunnerRunsACompositeActionWithItsInputsOutputsAndConditions() throws IOException {
        Path action = Files.createDirectories(dir.resolve("self-test-action"));
        Files.writeString(action.resolve("action.yml"), """
                name: greet
                inputs:
                  who: { default: world }
                  code: { default: '0' }
                outputs:
                  greeting: { value: '${{ steps.greet.outputs.greeting }}' }
                  letter: { value: '${{ steps.greet.outputs.letter }}' }
                  unset: { value: '${{ steps.greet.outputs.never }}' }
                runs:
                  using: composite
                  steps:
                    - id: greet
                      shell: bash
                      env: { WHO: '${{ inputs.who }}' }
                      run: |
                        echo "greeting=hello $WHO" >> "$GITHUB_OUTPUT"
                        printf 'letter<<END\\nDear %s,\\nhello\\nEND\\n' "$WHO" >> "$GITHUB_OUTPUT"
                        test -f "$GITHUB_ACTION_PATH/action.yml"
                        test "${{ github.action_path }}" = "$GITHUB_ACTION_PATH"
                        echo "$GITHUB_ACTION_PATH/bin" >> "$GITHUB_PATH"
                        exit ${{ inputs.code }}
                    - shell: bash
                      run: echo "not after a failure"
                    - if: always()
                      shell: bash
                      run: echo "always" >> "$GITHUB_STEP_SUMMARY"
                """);
        var jobs = selfTest("composite", """
                jobs:
                  j:
                    steps:
                      - uses: someone/greet@v1
                        id: plain
                      - uses: someone/greet@v1
                        id: failing
                        with: { who: reader, code: '4' }
                      - uses: someone/greet@v1
                        id: after
                        if: always()
                      - if: always()
                        env:
                          GREETING: ${{ steps.plain.outputs.greeting }}
                          LETTER: ${{ steps.failing.outputs.letter }}
                          UNSET: ${{ steps.failing.outputs.unset }}
                        run: |
                          printf '%s|%s|%s|%s\\n' "$GREETING" "$LETTER" "$UNSET" "$PATH" | tr '\\n' ' '
                """, Map.of("greet", action));

        var steps = jobs.get(0).steps();
        assertThat(steps).extracting(Step::exit).containsExactly(0, 4, 0, 0);
        assertThat(steps.get(0).outputs())
                .containsEntry("greeting", "hello world")
                .containsEntry("letter", "Dear world,\nhello")
                .containsEntry("unset", "");
        assertThat(steps.get(1).output()).doesNotContain("not after a failure").contains("--- step 2: skipped");
        assertThat(steps.get(2).outputs())
                .as("a composite action's steps see its own status, not the job's")
                .containsEntry("greeting", "hello world");
        assertThat(steps.get(3).output())
                .startsWith("hello world|Dear reader, hello||" + dir.resolve("self-test-composite"));
        assertThat(jobs.get(0).summary()).isEqualTo("always\nalways\nalways\n");
        assertThatThrownBy(() -> selfTest(
                        "composite-input",
                        "jobs:\n  j:\n    steps:\n      - uses: someone/greet@v1\n        with: { whom: x }\n",
                        Map.of("greet", action)))
                .hasMessageContaining("with.whom is not an input of the action");
    }

    private static List<Job> selfTest(String name, String yaml) throws IOException {
        return selfTest(name, yaml, Map.of());
    }

    private static List<Job> selfTest(String name, String yaml, Map<String, Path> actions) throws IOException {
        Path home = Files.createDirectories(dir.resolve("self-test-" + name));
        Path origin = Files.createDirectories(home.resolve("origin"));
        git(origin, "init", "-q", "-b", "main");
        Files.writeString(origin.resolve("README.md"), "self test\n");
        git(origin, "add", "README.md");
        git(origin, "commit", "-q", "-m", "self test");
        String sha = git(origin, "rev-parse", "HEAD");
        var block = new Block(home.resolve("self-test.md"), 1, "yaml", yaml, "recipe", name);
        var project = new CiRunner.Project(origin, sha, sha);
        return new CiRunner(name, home.resolve("ci"), project, Map.of(), projects.environment(false), actions)
                .run(block);
    }

    @TestFactory
    Stream<DynamicTest> everyRecipeRunsAsItMeans() {
        String only = System.getProperty("benchrun.recipes", "");
        return recipes().stream()
                .filter(r -> only.isEmpty() || List.of(only.split(",")).contains(r.name()))
                .flatMap(recipe -> CHANGES.getOrDefault(recipe.name(), List.of(Change.values())).stream()
                        .map(change -> DynamicTest.dynamicTest(
                                recipe.name() + " (" + recipe.where() + "), head commit: " + change,
                                () -> run(recipe, change))));
    }

    private void run(Block recipe, Change change) throws IOException {
        Path home = Files.createDirectories(dir.resolve(recipe.name() + "-" + change));
        var project = projects.project(home.resolve("origin"), recipe.text().contains("--shard") ? FOUR : ONE, change);
        var runner = new CiRunner(
                recipe.name(),
                home.resolve("ci"),
                project,
                projects.vars(),
                projects.environment(!recipe.language().equals("yaml")),
                projects.actions());

        List<Job> jobs = runner.run(recipe);

        String log = CiProjects.log(jobs);
        var failed = jobs.stream()
                .flatMap(j -> j.steps().stream())
                .filter(Step::failed)
                .toList();
        assertThat(jobs.stream()
                        .flatMap(j -> j.steps().stream())
                        .filter(s -> s.name().startsWith("(a job")))
                .as("jobs skipped because a job they need failed\n" + log)
                .isEmpty();
        String summary = jobs.stream().map(Job::summary).collect(Collectors.joining());
        // benchrun's action writes the job summary: a recipe that uses it does too.
        boolean writesSummary =
                recipe.text().contains("GITHUB_STEP_SUMMARY") || recipe.text().contains("/benchrun@");
        List<String> junit = junitFiles(runner.artefacts());
        if (change == Change.NOTHING) {
            assertThat(failed).as("failed steps\n" + log).isEmpty();
            assertThat(jobs.stream().flatMap(j -> j.steps().stream()).filter(s -> !s.ran()))
                    .as("skipped steps\n" + log)
                    .isEmpty();
            if (writesSummary) {
                assertThat(summary).as(log).contains("hashWork").doesNotContain("REGRESSION");
            }
            assertThat(junit).as("JUnit files in the artefacts").noneMatch(x -> x.contains("<failure"));
        } else {
            assertThat(failed).as("failed steps: the gate alone\n" + log).hasSize(1);
            assertThat(failed.get(0).exit()).as("the gate's exit code\n" + log).isEqualTo(1);
            if (writesSummary) {
                assertThat(summary)
                        .as("the job summary, written even though the gate failed\n" + log)
                        .contains("hashWork")
                        .contains("REGRESSION");
            }
            if (!junit.isEmpty()) {
                assertThat(junit).as("JUnit files in the artefacts").anyMatch(x -> x.contains("<failure"));
            }
        }
    }

    private static List<String> junitFiles(Path artefacts) throws IOException {
        if (!Files.isDirectory(artefacts)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(artefacts)) {
            var junit = new ArrayList<String>();
            for (Path xml : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                junit.add(Files.readString(xml));
            }
            return junit;
        }
    }
}
