package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.testing.FakeJmh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} in process, on the fixture benchmarks with JMH faked. */
class RunCommandTest {

    private static final String[] SETTINGS = {
        "--jar", "fixtures.jar", "-f", "3", "-wi", "1", "-w", "100ms", "-i", "5", "-r", "100ms"
    };

    @TempDir
    Path dir;

    private InProcess benchrun;

    @BeforeEach
    void setUp() throws Exception {
        benchrun = new InProcess(dir);
        Files.writeString(dir.resolve("benchrun.yaml"), """
                benchmarks:
                  - { match: 'sum', category: datapath, budget: "< 1 us" }
                  - { match: 'sumThroughput', category: datapath, budget: "> 1000000 ops/s" }
                """);
    }

    private InProcess.Result run(String... args) {
        return benchrun.run(Stream.concat(Stream.concat(Stream.of("run"), Stream.of(args)), Stream.of(SETTINGS))
                .toArray(String[]::new));
    }

    @Test
    void printsTheResultTableAndStoresTheRun() throws Exception {
        var result = run("--filter", "sum");

        assertThat(result.exit()).as(result.err()).isZero();
        String id = result.storedRunId();
        assertThat(result.outLines())
                .containsExactly(
                        "Benchmark                      Category  Mode       Score      Error  Units  p99  B/op  Budget",
                        "sum[extra=-1,n=256]            datapath  avgt       0.096   ± 0.0019  us/op          0  ✓ < 1 us",
                        "sumThroughput[extra=-1,n=256]  datapath  thrpt  8,885,849  ± 177,717  ops/s          0  ✓ > 1000000 ops/s",
                        "Stored run " + id + " in " + benchrun.runDir(id));
        assertThat(result.errLines()).first().isEqualTo("Running 2 benchmarks with profile quick; estimated 8s");
        assertThat(result.errLines()).element(1).asString().startsWith("✓ [1/2] sum: 1 result  (50%, ");
        assertThat(result.errLines()).element(2).asString().startsWith("✓ [2/2] sumThroughput: 1 result  (100%, ");

        var run = benchrun.storedRun(id);
        assertThat(run.get("interrupted").asBoolean()).isFalse();
        assertThat(run.at("/settings/forks").asInt()).isEqualTo(3);
        assertThat(run.at("/settings/measurementIterations").asInt()).isEqualTo(5);
        assertThat(run.at("/benchmarks/0/id").asText()).isEqualTo("sum");
        assertThat(run.at("/benchmarks/0/category").asText()).isEqualTo("datapath");
        assertThat(run.at("/benchmarks/0/primary/score").asDouble()).isEqualTo(0.09620077029426048);
        assertThat(run.at("/benchmarks/0/primary/forks"))
                .hasSize(3)
                .allSatisfy(fork -> assertThat(fork).hasSize(5));
        assertThat(run.at("/benchmarks/1/id").asText()).isEqualTo("sumThroughput");
        // Each result's wall time, from JMH's progress for it (its value is the machine's, not asserted).
        assertThat(run.get("benchmarks"))
                .allSatisfy(r -> assertThat(r.path("wallSeconds").isNumber()).isTrue());
        assertThat(run.get("failures")).isEmpty();
        assertThat(Files.readString(benchrun.runDir(id).resolve("jmh.json")))
                .contains(
                        "\"benchmark\" : \"org.example.fixtures.TinyBench.sum\"",
                        "\"benchmark\" : \"org.example.fixtures.TinyBench.sumThroughput\"");

        assertThat(benchrun.jmh.launches())
                .extracting(FakeJmh.Launch::benchmark)
                .containsExactly("org.example.fixtures.TinyBench.sum", "org.example.fixtures.TinyBench.sumThroughput");
        assertThat(benchrun.jmh.launches()).allSatisfy(launch -> {
            assertThat(launch.forks()).isEqualTo(3);
            assertThat(launch.warmupIterations()).isEqualTo(1);
            assertThat(launch.iterations()).isEqualTo(5);
            assertThat(launch.params()).isEqualTo(Map.of("extra", List.of("-1"), "n", List.of("256")));
            assertThat(launch.profilers()).containsExactly("gc:");
        });
    }

    @Test
    void aFailingBenchmarkIsNamedTheOthersAreStoredAndTheExitCodeIs3() throws Exception {
        var result = run("--filter", "explode|sum$");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.out()).contains("\nFailed:\n  explode: " + FakeJmh.EXPLODE_REASON + "\n");
        var run = benchrun.storedRun(result.storedRunId());
        assertThat(run.get("benchmarks")).hasSize(1);
        assertThat(run.at("/benchmarks/0/id").asText()).isEqualTo("sum");
        assertThat(run.at("/failures/0/id").asText()).isEqualTo("explode");
        assertThat(run.at("/failures/0/reason").asText()).isEqualTo(FakeJmh.EXPLODE_REASON);
    }

    @Test
    void aManifestsMinWarmupReachesTheJmhChildOfItsBenchmarkOnly() throws Exception {
        Files.writeString(dir.resolve("benchrun.yaml"), """
                benchmarks:
                  - { match: 'sum', category: datapath, minWarmup: { iterations: 4, time: 300ms } }
                """);

        var result = run("--filter", "sum");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.errLines()).contains("Note: sum: warm-up raised to 4×300ms by the manifest's minWarmup");
        var launches = benchrun.jmh.launches();
        assertThat(launches)
                .extracting(FakeJmh.Launch::benchmark, FakeJmh.Launch::warmupIterations)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("org.example.fixtures.TinyBench.sum", 4),
                        org.assertj.core.groups.Tuple.tuple("org.example.fixtures.TinyBench.sumThroughput", 1));
        var sum = launches.get(0).command();
        assertThat(sum.get(sum.indexOf("-w") + 1)).isEqualTo("300ms");
        var sumThroughput = launches.get(1).command();
        assertThat(sumThroughput.get(sumThroughput.indexOf("-w") + 1)).isEqualTo("100ms");
        assertThat(benchrun.storedRun(result.storedRunId())
                        .at("/settings/warmupIterations")
                        .asInt())
                .as("the run's settings are the command line's")
                .isEqualTo(1);
    }

    @Test
    void aMissedBudgetFailsTheRunOnlyWithFailOnBudget() throws Exception {
        Files.writeString(dir.resolve("benchrun.yaml"), "benchmarks: [ { match: 'sum', budget: '< 1 ns' } ]\n");

        var shown = run("--filter", "sum$");
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.outLines().get(1)).endsWith("✗ < 1 ns");
        assertThat(run("--filter", "sum$", "--fail-on-budget").exit()).isEqualTo(1);
    }

    @Test
    void quotedJvmArgumentsReachTheForksWhole() throws Exception {
        var several = run("--filter", "sum$", "--jvm-args", "-Dmsg=\"a b\" -Xmx64m");
        assertThat(several.exit()).as(several.err()).isZero();
        assertThat(benchrun.jmh.launches().get(0).jvmArgs()).containsExactly("-Dmsg=a b", "-Xmx64m");
        var run = benchrun.storedRun(several.storedRunId());
        assertThat(run.at("/settings/jvmArgs").toString()).isEqualTo("[\"-Dmsg=a b\",\"-Xmx64m\"]");
        assertThat(run.at("/environment/jvm/args").toString()).isEqualTo("[\"-Dmsg=a b\",\"-Xmx64m\"]");

        assertThat(run("--filter", "sum$", "--jvm-args", "-Dmsg='a b'").exit()).isZero();
        assertThat(benchrun.jmh.launches().get(1).jvmArgs()).containsExactly("-Dmsg=a b");

        var unterminated = run("--filter", "sum$", "--jvm-args", "-Dmsg=\"a b");
        assertThat(unterminated.exit()).isEqualTo(2);
        assertThat(unterminated.errLines())
                .containsExactly("benchrun: --jvm-args '-Dmsg=\"a b': unterminated double quote");
        assertThat(benchrun.jmh.launches()).hasSize(2);
    }

    @Test
    void withABaselineTheRunIsComparedRightAfterAndOnlyARegressionFailsTheGate() throws Exception {
        String first = run("--filter", "sum").storedRunId();
        assertThat(benchrun.run("save-baseline", "main").exit()).isZero();

        var same = run("--filter", "sum", "--baseline", "main");
        assertThat(same.exit()).as(same.out() + same.err()).isZero();
        String second = same.storedRunId();
        assertThat(same.out())
                .contains("Stored run " + second + " in " + benchrun.runDir(second) + "\n\n" + "Baseline:  main (run "
                        + first + "), Java ");
        assertThat(verdictLines(same))
                .containsExactly(
                        "  sum[extra=-1,n=256]                0.096 ± 1.0%      0.096 ± 1.0%  us/op  +0.0% [-1.5%, +1.5%]  1.000  ~        1 baseline run: session drift unseen",
                        "  sumThroughput[extra=-1,n=256]  8,885,849 ± 1.0%  8,885,849 ± 1.0%  ops/s  +0.0% [-1.5%, +1.6%]  1.000  ~        1 baseline run: session drift unseen");
        assertThat(same.out())
                .contains("\n2 compared: 0 regressions, 0 warnings, 0 slower, 0 improvements, 2 unchanged.\n");

        var slower = run("--filter", "sum", "--baseline", "main", "--jvm-args", "-Dfixture.slowdown=30");
        assertThat(slower.exit()).as(slower.out() + slower.err()).isEqualTo(1);
        assertThat(verdictLines(slower))
                .containsExactly(
                        "  sum[extra=-1,n=256]                0.096 ± 1.0%      0.125 ± 1.0%  us/op  +30.0% [+28.0%, +32.0%]  <0.001  REGRESSION  1 baseline run: session drift unseen",
                        "  sumThroughput[extra=-1,n=256]  8,885,849 ± 1.0%  6,835,268 ± 1.0%  ops/s  +30.0% [+28.0%, +32.0%]  <0.001  REGRESSION  1 baseline run: session drift unseen");
        assertThat(run(
                                "--filter",
                                "sum",
                                "--baseline",
                                "main",
                                "--jvm-args",
                                "-Dfixture.slowdown=30",
                                "--fail-on",
                                "never")
                        .exit())
                .isZero();

        var againstARun = run("--filter", "sum", "--baseline", first);
        assertThat(againstARun.exit())
                .as("a run id, as for compare: " + againstARun.err())
                .isZero();
        assertThat(againstARun.out()).contains("Baseline:  " + first + ", Java ");
    }

    @Test
    void theBaselineOfARunIsResolvedAsCompareResolvesIt() throws Exception {
        var noRuns = run("--filter", "sum$", "--baseline", "latest");
        assertThat(noRuns.exit()).as("latest before any run: nothing ran").isEqualTo(2);
        assertThat(noRuns.errLines())
                .containsExactly("benchrun: no runs in store " + benchrun.store() + ": run 'benchrun run' first");
        assertThat(benchrun.jmh.launches()).isEmpty();

        String first = run("--filter", "sum$").storedRunId();
        String second = run("--filter", "sum$").storedRunId();

        var latest = run("--filter", "sum$", "--baseline", "latest");
        assertThat(latest.exit()).as(latest.err()).isZero();
        assertThat(latest.out())
                .as("latest is the newest run before this one")
                .contains("Baseline:  latest (run " + second + "), Java ");
        assertThat(latest.storedRunId()).isNotEqualTo(second);

        Path runFile = benchrun.runDir(first).resolve("run.json");
        var storedFile = run("--filter", "sum$", "--baseline", runFile.toString());
        assertThat(storedFile.exit()).as(storedFile.err()).isZero();
        assertThat(storedFile.out()).contains("Baseline:  " + runFile + " (run " + first + "), Java ");

        Files.copy(benchrun.runDir(first).resolve("jmh.json"), dir.resolve("raw.json"));
        var rawJmh = run("--filter", "sum$", "--baseline", "raw.json");
        assertThat(rawJmh.exit()).as(rawJmh.err()).isZero();
        assertThat(verdictLines(rawJmh)).singleElement().asString().contains("  ~  ");

        var missing = run("--filter", "sum$", "--baseline", "gone.json", "--dry-run");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.errLines()).containsExactly("benchrun: file not found: " + dir.resolve("gone.json"));
    }

    @Test
    void aBaselineOrGateProblemIsFoundBeforeAnythingRuns() throws Exception {
        run("--filter", "sum$");
        assertThat(benchrun.run("save-baseline", "main").exit()).isZero();
        int launches = benchrun.jmh.launches().size();
        var runs = benchrun.runIds();

        var unknown = run("--filter", "sum$", "--baseline", "nonesuch");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.errLines())
                .containsExactly("benchrun: 'nonesuch' is not a baseline, a run id or a file in store "
                        + benchrun.store() + ": see 'benchrun list baselines' and 'benchrun list runs'");
        var alpha = run("--filter", "sum$", "--baseline", "main", "--alpha", "2");
        assertThat(alpha.exit()).isEqualTo(2);
        assertThat(alpha.errLines()).containsExactly("benchrun: --alpha 2.0 must be between 0 and 1");
        var failOn = run("--filter", "sum$", "--baseline", "main", "--fail-on", "sometimes");
        assertThat(failOn.exit()).isEqualTo(2);
        assertThat(failOn.errLines())
                .containsExactly(
                        "benchrun: Invalid value for option '--fail-on': unknown value 'sometimes': use one of regression, "
                                + "warning, inconclusive, never",
                        "Try 'benchrun run --help'.");

        assertThat(benchrun.jmh.launches()).hasSize(launches);
        assertThat(benchrun.runIds()).isEqualTo(runs);
    }

    @Test
    void aDryRunPrintsThePlanAndRunsNothing() throws Exception {
        var result = run("--filter", "sum$", "--param", "n=16,1024", "--dry-run");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.outLines().get(0))
                .startsWith("Plan: 1 benchmark (2 benchmark runs), profile quick, forks on ");
        assertThat(result.outLines())
                .contains(
                        "Benchmark  Category  Modes  Params              Runs  Forks  Iterations         Estimate",
                        "sum        datapath  avgt   extra=-1 n=16,1024     2      3  1×100ms + 5×100ms        7s",
                        "Estimated wall time: 7s");
        assertThat(benchrun.jmh.launches()).isEmpty();
        assertThat(benchrun.store()).doesNotExist();
    }

    @Test
    void whatCannotRunRightIsRefusedAtPlanningSoADryRunFindsItAndNothingRunsOrIsStored() throws Exception {
        Files.writeString(dir.resolve("alpha.yaml"), "extends: quick\nstatistics: { alpha: 7 }\n");
        Files.writeString(dir.resolve("inverted.yaml"), """
                extends: quick
                thresholds:
                  datapath: { warning: 25%, failure: 10% }
                """);
        try (var thin = new java.util.zip.ZipOutputStream(Files.newOutputStream(dir.resolve("thin.jar")))) {
            thin.putNextEntry(new java.util.zip.ZipEntry("META-INF/BenchmarkList"));
            thin.write(dev.benchrun.testing.Golden.resource("jmh/BenchmarkList")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            thin.closeEntry();
        }
        var cases = new java.util.LinkedHashMap<List<String>, String>();
        cases.put(
                List.of("--jar", "fixtures.jar", "--profile", "alpha.yaml"),
                "benchrun: profile 'alpha' (" + dir.resolve("alpha.yaml")
                        + "): statistics.alpha must be between 0 and 1, got 7");
        cases.put(
                List.of("--jar", "fixtures.jar", "--profile", "inverted.yaml"),
                "benchrun: profile 'inverted' (" + dir.resolve("inverted.yaml")
                        + "): thresholds.datapath: the failure threshold (10%) is below the warning one (25%)");
        cases.put(List.of("--jar", "fixtures.jar", "-r", "0ms"), "benchrun: --time '0ms' must be longer than zero");
        cases.put(
                List.of("--jar", "fixtures.jar", "-w", "0s"), "benchrun: --warmup-time '0s' must be longer than zero");
        cases.put(
                List.of("--jar", "fixtures.jar", "-i", "0"),
                "benchrun: " + "need at least 1 measurement iteration and 0 or more warm-up iterations");
        if (Files.isExecutable(Path.of("/bin/true"))) {
            cases.put(
                    List.of("--jar", "fixtures.jar", "--jvm", "/bin/true"),
                    "benchrun: --jvm /bin/true is not a java: it did not report a Java version; "
                            + "give the path of a java executable");
        }
        cases.put(
                List.of("--jar", "thin.jar"),
                "benchrun: " + dir.resolve("thin.jar").toAbsolutePath()
                        + " has benchmarks but no JMH runtime inside (no org/openjdk/jmh/Main.class): "
                        + "build it as an uber-jar (jmh archetype / shade plugin)");
        for (var c : cases.entrySet()) {
            for (boolean dryRun : List.of(true, false)) {
                var args = new java.util.ArrayList<>(List.of("run", "--filter", "sum$"));
                args.addAll(c.getKey());
                if (dryRun) {
                    args.add("--dry-run");
                }
                var result = benchrun.run(args.toArray(String[]::new));
                assertThat(result.exit()).as(args + ": " + result.err()).isEqualTo(2);
                assertThat(result.errLines()).as(args.toString()).containsExactly(c.getValue());
            }
        }
        var listThin = benchrun.run("list", "--jar", "thin.jar");
        assertThat(listThin.exit()).as("list refuses the thin jar too").isEqualTo(2);
        assertThat(listThin.errLines()).containsExactly(cases.get(List.of("--jar", "thin.jar")));
        assertThat(benchrun.jmh.launches()).isEmpty();
        assertThat(benchrun.store()).doesNotExist();
    }

    @Test
    void aRunThatCannotBeStoredStillPrintsItsResultsExitsThreeAndLeavesNoStagingBehind() throws Exception {
        // Stands for a full disk at the final write: publishing renames the staging directory to
        // runs/<id>, and a non-empty directory of that name refuses the rename.
        benchrun.jmh.afterEachLaunch(resultFile -> {
            String staging = resultFile.getParent().getFileName().toString();
            String id = staging.substring(1, staging.lastIndexOf('.'));
            try {
                Files.createDirectories(benchrun.runDir(id).resolve("in-the-way"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        var result = run("--filter", "sum");

        assertThat(result.exit()).as(result.err()).isEqualTo(3);
        assertThat(result.outLines())
                .containsExactly(
                        "Benchmark                      Category  Mode       Score      Error  Units  p99  B/op  Budget",
                        "sum[extra=-1,n=256]            datapath  avgt       0.096   ± 0.0019  us/op          0  ✓ < 1 us",
                        "sumThroughput[extra=-1,n=256]  datapath  thrpt  8,885,849  ± 177,717  ops/s          0  ✓ > 1000000 ops/s");
        assertThat(result.errLines())
                .last()
                .asString()
                .startsWith("benchrun: the run could not be stored in " + benchrun.store() + ": ");
        assertThat(result.errLines())
                .last()
                .asString()
                .endsWith(": Directory not empty; its results are printed above");
        assertThat(result.errLines())
                .filteredOn(l -> l.startsWith("benchrun: "))
                .hasSize(1);
        try (var left = Files.list(benchrun.store().resolve("runs"))) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no staging directory is left behind")
                    .noneMatch(name -> name.startsWith("."));
        }
        assertThat(benchrun.runIds())
                .as("only the directory in the way")
                .allSatisfy(id ->
                        assertThat(benchrun.runDir(id).resolve("run.json")).doesNotExist());
    }

    @Test
    void aStoreThatIsAFileIsRefusedByEveryCommandThatUsesIt() throws Exception {
        Files.writeString(benchrun.store(), "not a store\n");
        String refused = "benchrun: store " + benchrun.store()
                + " is a file, not a store directory: give --store a directory (or a path that does not exist yet)";
        for (var args : List.of(
                List.of("list", "runs"),
                List.of("list", "baselines"),
                List.of("save-baseline", "main"),
                List.of("compare", "main"),
                List.of("report"),
                List.of("run", "--jar", "fixtures.jar", "--filter", "sum$", "--dry-run"),
                List.of("run", "--jar", "fixtures.jar", "--filter", "sum$"),
                List.of("profile", "sum$", "--jar", "fixtures.jar"))) {
            var result = benchrun.run(args.toArray(String[]::new));
            assertThat(result.exit()).as(args + ": " + result.err()).isEqualTo(2);
            assertThat(result.errLines()).as(args.toString()).containsExactly(refused);
        }
        assertThat(benchrun.jmh.launches()).isEmpty();
        assertThat(Files.readString(benchrun.store())).isEqualTo("not a store\n");
    }

    /** The comparison's rows of benchmarks, without the category and geomean rows. */
    private static List<String> verdictLines(InProcess.Result result) {
        return result.outLines().stream().filter(l -> l.startsWith("  sum")).toList();
    }
}
