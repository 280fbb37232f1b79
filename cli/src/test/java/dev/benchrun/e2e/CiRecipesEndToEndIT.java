package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.e2e.CiRecipes.Block;
import dev.benchrun.e2e.CiRunner.Job;
import dev.benchrun.e2e.CiRunner.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * <p>The project: its {@code .gitignore} is the one the docs give users ({@code <!-- recipe-file:
 * .gitignore -->}), its baseline {@code main} is a real run of its base commit, saved and committed
 * as the docs say ({@code git add .benchrun/baselines/main.json}), and its {@code profiles/ci.yaml}
 * and {@code profiles/pairs.yaml} replace the shipped {@code ci} and {@code pairs} (an A/B
 * session's) with profiles short enough for a test (benchrun takes a local profile of that name
 * before its own), with thresholds wide enough that only the planted change can fail.
 * The pull request's head commit either changes nothing that is measured or makes the benchmarks do
 * {@value #SLOWER}% more work: then the gate must fail with exit 1, and what the recipe writes for
 * a human (job summary, report, JUnit XML) must be there and name the regression.
 *
 * <p>Building the project is the one command not run for real: a Maven JMH project does not build
 * offline in seconds, so a stand-in {@code mvn} on the PATH ({@code ci-recipes/mvn} in the test
 * resources) answers {@code mvn … package [-pl M]} by writing {@code [M/]target/benchmarks.jar}, a
 * copy of the fixtures jar with the benchmarks and the slowdown of the checkout's {@code
 * benchmarks.properties} (so the base and the head commit build different jars, as real builds
 * would), and {@code mvn … package -pl cli} in benchrun's sources by writing the benchrun jar under
 * test to {@code cli/target/benchrun.jar}. benchrun's sources are a stand-in git repository, given
 * to the recipes as the repository variable {@code BENCHRUN_GIT}; everything else the recipes do
 * (git, cp, jq, benchrun) runs for real.
 *
 * <p>{@code -Dbenchrun.recipes=NAME,…} runs only the recipes named. The A/B and the sharded recipe
 * run only with the slower head: a session that finds no change
 * takes as long again, and the green path of a gate is the stored-baseline recipes'.
 */
class CiRecipesEndToEndIT {

    private static final Path ROOT =
            Path.of(System.getProperty("benchrun.root", "..")).toAbsolutePath().normalize();
    /** The project of most recipes: one fixture benchmark. */
    private static final String ONE = "TinyBench_hashWork_jmhTest";
    /** The project of a sharded recipe: one benchmark in each shard of four (run --shard hashes the names). */
    private static final String FOUR =
            "TinyBench_(sum|allocate|hashWork)_jmhTest|ModesBench_measureMultiple_jmhTest S [0-9]+ measureMultiple S [0-9]+ AverageTime";
    /** The extra work of the slower head commit, in percent: far beyond the project's failure threshold. */
    private static final int SLOWER = 1500;

    private static final String CI_PROFILE = """
            # The project's own ci profile, short for the recipe test; it replaces the shipped one.
            extends: quick
            name: ci
            jmh: { forks: 2, warmupIterations: 3, warmupTime: 100ms, measurementIterations: 5, measurementTime: 50ms, profilers: [] }
            thresholds: { default: { warning: 100%, failure: 300% } }
            statistics: { noiseFloor: 20% }
            """;

    private static final String PAIRS_PROFILE = """
            # The project's own pairs profile (an A/B session's), short for the recipe test.
            extends: quick
            name: pairs
            jmh: { forks: 1, warmupIterations: 1, warmupTime: 50ms, measurementIterations: 2, measurementTime: 50ms, profilers: [] }
            thresholds: { default: { warning: 100%, failure: 300% } }
            statistics: { alpha: 0.01, noiseFloor: 20% }
            """;

    /** What the pull request's head commit changes. */
    enum Change {
        /** A line of the README: nothing measured changes, every step must pass. */
        NOTHING,
        /** The benchmarks do {@value #SLOWER}% more work: the gate must fail, and say why. */
        SLOWER
    }

    /** The changes a recipe is run with; a recipe not named here is run with both. */
    private static final Map<String, List<Change>> CHANGES = Map.of(
            "github-ab", List.of(Change.SLOWER),
            "github-shards", List.of(Change.SLOWER));

    @TempDir
    static Path dir;

    private static Path tools;
    private static Path benchrunOnPath;
    private static Path benchrunSources;
    private static final Map<String, Path> baselines = new HashMap<>();

    @BeforeAll
    static void standIns() throws IOException {
        tools = Files.createDirectories(dir.resolve("tools"));
        try (InputStream mvn = CiRecipesEndToEndIT.class.getResourceAsStream("/ci-recipes/mvn")) {
            Files.write(tools.resolve("mvn"), mvn.readAllBytes());
        }
        executable(tools.resolve("mvn"));
        benchrunOnPath = Files.createDirectories(dir.resolve("benchrun-bin"));
        Files.writeString(
                benchrunOnPath.resolve("benchrun"),
                "#!/bin/sh\nexec java -jar '" + Benchrun.JAR.toAbsolutePath() + "' \"$@\"\n");
        executable(benchrunOnPath.resolve("benchrun"));
        benchrunSources = Files.createDirectories(dir.resolve("benchrun-sources"));
        Files.writeString(
                benchrunSources.resolve("BENCHRUN-SOURCES"),
                "Stands in for benchrun's sources: the stand-in mvn builds -pl cli from the jar under test.\n");
        git(benchrunSources, "init", "-q", "-b", "main");
        git(benchrunSources, "add", "BENCHRUN-SOURCES");
        git(benchrunSources, "commit", "-q", "-m", "benchrun");
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

    private static List<Job> selfTest(String name, String yaml) throws IOException {
        Path home = Files.createDirectories(dir.resolve("self-test-" + name));
        Path origin = Files.createDirectories(home.resolve("origin"));
        git(origin, "init", "-q", "-b", "main");
        Files.writeString(origin.resolve("README.md"), "self test\n");
        git(origin, "add", "README.md");
        git(origin, "commit", "-q", "-m", "self test");
        String sha = git(origin, "rev-parse", "HEAD");
        var block = new Block(home.resolve("self-test.md"), 1, "yaml", yaml, "recipe", name);
        var project = new CiRunner.Project(origin, sha, sha);
        return new CiRunner(name, home.resolve("ci"), project, Map.of(), environment(block)).run(block);
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
        var project = project(home.resolve("origin"), recipe.text().contains("--shard") ? FOUR : ONE, change);
        var runner = new CiRunner(
                recipe.name(),
                home.resolve("ci"),
                project,
                Map.of("BENCHRUN_GIT", benchrunSources.toUri().toString()),
                environment(recipe));

        List<Job> jobs = runner.run(recipe);

        String log = log(jobs);
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
        boolean writesSummary = recipe.text().contains("GITHUB_STEP_SUMMARY");
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

    /**
     * The project's repository: a first commit with the project, a second with its baseline {@code
     * main} committed as the docs say (the pull request's base), a third with the change (its head).
     */
    private static CiRunner.Project project(Path origin, String benchmarks, Change change) throws IOException {
        Files.createDirectories(origin.resolve("profiles"));
        git(origin, "init", "-q", "-b", "main");
        var files = new ArrayList<String>();
        for (Block file : blocks().stream().filter(Block::isFile).toList()) {
            Files.writeString(origin.resolve(file.name()), file.text());
            files.add(file.name());
        }
        Files.writeString(origin.resolve("README.md"), "A project with JMH benchmarks.\n");
        Files.writeString(origin.resolve("benchmarks.properties"), sources(benchmarks, 0));
        Files.writeString(origin.resolve("profiles/ci.yaml"), CI_PROFILE);
        Files.writeString(origin.resolve("profiles/pairs.yaml"), PAIRS_PROFILE);
        files.addAll(List.of("README.md", "benchmarks.properties", "profiles/ci.yaml", "profiles/pairs.yaml"));
        git(origin, Stream.concat(Stream.of("add"), files.stream()).toArray(String[]::new));
        git(origin, "commit", "-q", "-m", "the project");

        Path baseline = origin.resolve(".benchrun/baselines/main.json");
        Files.createDirectories(baseline.getParent());
        Files.copy(baseline(benchmarks, origin), baseline);
        git(origin, "add", ".benchrun/baselines/main.json");
        git(origin, "commit", "-q", "-m", "baseline main");
        String base = git(origin, "rev-parse", "HEAD");

        if (change == Change.SLOWER) {
            Files.writeString(origin.resolve("benchmarks.properties"), sources(benchmarks, SLOWER));
        } else {
            Files.writeString(origin.resolve("README.md"), "A project with JMH benchmarks, and a README.\n");
        }
        git(origin, "commit", "-q", "-a", "-m", "the change");
        String head = git(origin, "rev-parse", "HEAD");
        assertThat(git(origin, "status", "--porcelain"))
                .as("the store's runs are ignored")
                .isEmpty();
        return new CiRunner.Project(origin, base, head);
    }

    private static String sources(String benchmarks, int slowdown) {
        return "# What the stand-in mvn builds into target/benchmarks.jar: the fixture benchmarks whose JMH\n"
                + "# entries match, doing this many percent more work (CiRecipesEndToEndIT).\n"
                + "benchmarks="
                + benchmarks
                + "\nslowdown="
                + slowdown
                + "\n";
    }

    /**
     * Baseline {@code main} of the project's base commit: measured once for each set of benchmarks,
     * built and run as a user would on the main branch ({@code mvn package}, {@code benchrun run
     * --profile ci}, {@code benchrun save-baseline main}).
     */
    private static synchronized Path baseline(String benchmarks, Path origin) throws IOException {
        Path cached = baselines.get(benchmarks);
        if (cached != null) {
            return cached;
        }
        Path build = Files.createDirectories(dir.resolve("baseline-" + baselines.size()));
        Files.copy(origin.resolve("benchmarks.properties"), build.resolve("benchmarks.properties"));
        var env = new HashMap<>(environment(null));
        var mvn = new ProcessBuilder(tools.resolve("mvn").toString(), "-B", "-q", "package")
                .directory(build.toFile())
                .redirectErrorStream(true);
        mvn.environment().putAll(env);
        assertThat(finish(mvn)).isZero();
        String jar = build.resolve("target/benchmarks.jar").toString();
        var run = Benchrun.run(origin, "run", "--jar", jar, "--profile", "ci");
        assertThat(run.exit()).as(run.err()).isZero();
        var save = Benchrun.run(origin, "save-baseline", "main");
        assertThat(save.exit()).as(save.err()).isZero();
        Path kept = build.resolve("main.json");
        Files.move(origin.resolve(".benchrun/baselines/main.json"), kept);
        baselines.put(benchmarks, kept);
        return kept;
    }

    /** The CI machine's environment: a JDK, the stand-in mvn, git, jq; benchrun where a shell block assumes it. */
    private static Map<String, String> environment(Block recipe) {
        var env = new HashMap<>(System.getenv());
        env.keySet()
                .removeIf(k -> k.startsWith("GITHUB_")
                        || k.startsWith("RUNNER_")
                        || k.startsWith("CI_")
                        || k.startsWith("BENCHRUN_")
                        || k.equals("CI")
                        || k.startsWith("GIT_"));
        String javaHome = System.getProperty("java.home");
        String path = tools + ":" + javaHome + "/bin:" + System.getenv("PATH");
        boolean steps = recipe != null && !recipe.language().equals("yaml");
        env.put("PATH", steps ? benchrunOnPath + ":" + path : path);
        env.put("JAVA_HOME", javaHome);
        env.put("STANDIN_FIXTURES_JAR", Benchrun.FIXTURES.toAbsolutePath().toString());
        env.put("STANDIN_BENCHRUN_JAR", Benchrun.JAR.toAbsolutePath().toString());
        env.put("STANDIN_BUILDS", dir.resolve("builds").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        return env;
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

    private static String log(List<Job> jobs) {
        var log = new StringBuilder();
        for (Job job : jobs) {
            log.append("== job ").append(job.name()).append('\n');
            for (Step step : job.steps()) {
                log.append("-- ")
                        .append(step.name())
                        .append(step.ran() ? ": exit " + step.exit() : ": skipped")
                        .append('\n')
                        .append(step.output());
            }
            if (!job.summary().isEmpty()) {
                log.append("-- summary\n").append(job.summary());
            }
        }
        return log.toString();
    }

    private static String git(Path repo, String... args) {
        var command =
                new ArrayList<>(List.of("git", "-c", "user.name=Recipe Test", "-c", "user.email=recipes@example.org"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor())
                    .as("git " + String.join(" ", args) + "\n" + out)
                    .isZero();
            return out.strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int finish(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("did not finish: " + builder.command());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(process.exitValue()).as(out).isZero();
        return process.exitValue();
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
