package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.e2e.CiRecipes.Block;
import dev.benchrun.e2e.CiRunner.Job;
import dev.benchrun.e2e.CiRunner.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the CI tests ({@link CiRecipesEndToEndIT}, {@link ActionEndToEndIT}) run their workflows on:
 * the user's project as a git repository with a pull request, a stand-in {@code mvn} that builds it,
 * a stand-in of benchrun's sources (with the {@code action.yml} under test) and the CI machine's
 * environment.
 *
 * <p>The project: its {@code .gitignore} is the one the docs give users ({@code <!-- recipe-file:
 * .gitignore -->}), its baseline {@code main} is a real run of its base commit, saved and committed
 * as the docs say ({@code git add .benchrun/baselines/main.json}), and its {@code profiles/ci.yaml}
 * and {@code profiles/pairs.yaml} replace the shipped {@code ci} and {@code pairs} (an A/B
 * session's) with profiles short enough for a test (benchrun takes a local profile of that name
 * before its own), with thresholds wide enough that only the planted change can fail. The pull
 * request's head commit either changes nothing that is measured or makes the benchmarks do {@value
 * #SLOWER}% more work.
 *
 * <p>Building the project is the one command not run for real: a Maven JMH project does not build
 * offline in seconds, so a stand-in {@code mvn} on the PATH ({@code ci-recipes/mvn} in the test
 * resources) answers {@code mvn … package [-pl M]} by writing {@code [M/]target/benchmarks.jar}, a
 * copy of the fixtures jar with the benchmarks and the slowdown of the checkout's {@code
 * benchmarks.properties} (so the base and the head commit build different jars, as real builds
 * would), and {@code mvn … package -pl cli} in benchrun's sources by writing the benchrun jar under
 * test to {@code cli/target/benchrun.jar}. benchrun's sources are a stand-in git repository, given
 * to the recipes as the repository variable {@code BENCHRUN_GIT} and to {@code uses:
 * OWNER/benchrun@REF} as the action's checkout; everything else the workflows do (git, cp, jq,
 * benchrun) runs for real.
 */
final class CiProjects {

    /** The extra work of the slower head commit, in percent: far beyond the project's failure threshold. */
    static final int SLOWER = 1500;

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
        /** The benchmarks do {@value CiProjects#SLOWER}% more work: the gate must fail, and say why. */
        SLOWER
    }

    private final Path dir;
    private final Path root;
    private final Path tools;
    private final Path benchrunOnPath;
    private final Path benchrunSources;
    private final Map<String, Path> baselines = new HashMap<>();

    /**
     * @param dir an empty directory for the stand-ins
     * @param root benchrun's checkout: its docs' recipe files and its {@code action.yml}
     */
    CiProjects(Path dir, Path root) throws IOException {
        this.dir = dir;
        this.root = root;
        tools = Files.createDirectories(dir.resolve("tools"));
        try (InputStream mvn = CiProjects.class.getResourceAsStream("/ci-recipes/mvn")) {
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
        Files.copy(root.resolve("action.yml"), benchrunSources.resolve("action.yml"));
        git(benchrunSources, "init", "-q", "-b", "main");
        git(benchrunSources, "add", "BENCHRUN-SOURCES", "action.yml");
        git(benchrunSources, "commit", "-q", "-m", "benchrun");
    }

    /** The repository variables of the workflows: {@code BENCHRUN_GIT}, benchrun's sources. */
    Map<String, String> vars() {
        return Map.of("BENCHRUN_GIT", benchrunSources.toUri().toString());
    }

    /** The composite actions of the workflows: {@code uses: OWNER/benchrun@REF} is benchrun's sources. */
    Map<String, Path> actions() {
        return Map.of("benchrun", benchrunSources);
    }

    /**
     * The project's repository: a first commit with the project, a second with its baseline {@code
     * main} committed as the docs say (the pull request's base), a third with the change (its head).
     */
    CiRunner.Project project(Path origin, String benchmarks, Change change) throws IOException {
        Files.createDirectories(origin.resolve("profiles"));
        git(origin, "init", "-q", "-b", "main");
        var files = new ArrayList<String>();
        for (Block file : CiRecipes.blocks(CiRecipes.pages(root)).stream()
                .filter(Block::isFile)
                .toList()) {
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
                + "# entries match, doing this many percent more work (CiProjects).\n"
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
    private synchronized Path baseline(String benchmarks, Path origin) throws IOException {
        Path cached = baselines.get(benchmarks);
        if (cached != null) {
            return cached;
        }
        Path build = Files.createDirectories(dir.resolve("baseline-" + baselines.size()));
        Files.copy(origin.resolve("benchmarks.properties"), build.resolve("benchmarks.properties"));
        var mvn = new ProcessBuilder(tools.resolve("mvn").toString(), "-B", "-q", "package")
                .directory(build.toFile())
                .redirectErrorStream(true);
        mvn.environment().putAll(environment(false));
        finish(mvn);
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

    /**
     * The CI machine's environment: a JDK, the stand-in mvn, git, jq.
     *
     * @param benchrun whether benchrun is on the PATH already, as a shell block of steps assumes
     */
    Map<String, String> environment(boolean benchrun) {
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
        env.put("PATH", benchrun ? benchrunOnPath + ":" + path : path);
        env.put("JAVA_HOME", javaHome);
        env.put("STANDIN_FIXTURES_JAR", Benchrun.FIXTURES.toAbsolutePath().toString());
        env.put("STANDIN_BENCHRUN_JAR", Benchrun.JAR.toAbsolutePath().toString());
        env.put("STANDIN_BUILDS", dir.resolve("builds").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        return env;
    }

    /** The jobs' steps and summaries, for an assertion's message. */
    static String log(List<Job> jobs) {
        var log = new StringBuilder();
        for (Job job : jobs) {
            log.append("== job ").append(job.name()).append('\n');
            for (Step step : job.steps()) {
                log.append("-- ")
                        .append(step.name())
                        .append(step.ran() ? ": exit " + step.exit() : ": skipped")
                        .append('\n')
                        .append(step.output());
                step.outputs()
                        .forEach((k, v) -> log.append("   output ")
                                .append(k)
                                .append('=')
                                .append(v)
                                .append('\n'));
            }
            if (!job.summary().isEmpty()) {
                log.append("-- summary\n").append(job.summary());
            }
        }
        return log.toString();
    }

    static String git(Path repo, String... args) {
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
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void finish(ProcessBuilder builder) throws IOException {
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
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
