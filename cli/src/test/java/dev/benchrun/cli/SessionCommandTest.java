package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.json.Json;
import dev.benchrun.testing.FakeJmh;
import dev.benchrun.testing.Golden;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --against}, an A/B session, in process on the fixture benchmarks with JMH faked. The
 * fake's forks of one side all measure the same, so an A/A session's log ratios are all 0 (its
 * interval is [0, 0], inside any margin) and a slowdown's are all ln(1 + slowdown) (every pair the
 * same way: p = 2 / 2ⁿ). An A/A benchmark stops as unchanged at the first check, 6 pairs; a
 * slowdown is never inside the margin, so it takes all 15 pairs, where α is spent.
 */
class SessionCommandTest {

    private static final String SUM = "sum[extra=-1,n=256]";
    private static final String SUM_KEY = "sum[mode=avgt,extra=-1,n=256]";
    private static final String SUM_THROUGHPUT_KEY = "sumThroughput[mode=thrpt,extra=-1,n=256]";

    @TempDir
    Path dir;

    private InProcess benchrun;
    private String oldJar;
    private String newJar;

    @BeforeEach
    void setUp() throws Exception {
        benchrun = new InProcess(dir);
        Files.copy(dir.resolve("fixtures.jar"), dir.resolve("old.jar"));
        oldJar = dir.resolve("old.jar").toString();
        newJar = dir.resolve("fixtures.jar").toString();
    }

    /** {@code run --jar fixtures.jar --against old.jar ARGS}. */
    private InProcess.Result session(String... args) {
        return benchrun.run(
                Stream.concat(Stream.of("run", "--jar", "fixtures.jar", "--against", "old.jar"), Stream.of(args))
                        .toArray(String[]::new));
    }

    /** The table's row of a benchmark. */
    private static String row(InProcess.Result result, String name) {
        return result.outLines().stream()
                .filter(l -> l.startsWith("  " + name + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name + " in:\n" + result.out() + result.err()));
    }

    /** The two runs the session stored, baseline side first. */
    private List<String> sides() throws Exception {
        var ids = benchrun.runIds();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(2);
        return ids.subList(ids.size() - 2, ids.size());
    }

    @Test
    void pairsAlternateWhichSideRunsFirstOneForkEachAndEachSideLogsItsPlaceInThePair() throws Exception {
        var result = session("--filter", "sum$");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        var launches = benchrun.jmh.launches();
        assertThat(launches).hasSize(12).allSatisfy(launch -> {
            assertThat(launch.forks()).isEqualTo(1);
            assertThat(launch.benchmark()).isEqualTo("org.example.fixtures.TinyBench.sum");
            assertThat(launch.command()).containsSequence("-bm", "avgt");
        });
        var expected = new ArrayList<String>();
        for (int pair = 0; pair < 6; pair++) {
            // ABBA: pair k (0-based) runs the baseline first when k is even.
            expected.addAll(pair % 2 == 0 ? List.of(oldJar, newJar) : List.of(newJar, oldJar));
        }
        assertThat(launches).extracting(FakeJmh.Launch::jar).containsExactlyElementsOf(expected);

        var ids = sides();
        var baseLog = Files.readAllLines(benchrun.runDir(ids.get(0)).resolve("jmh.log")).stream()
                .filter(l -> l.startsWith("# benchrun: " + SUM + " pair"))
                .toList();
        var candLog = Files.readAllLines(benchrun.runDir(ids.get(1)).resolve("jmh.log")).stream()
                .filter(l -> l.startsWith("# benchrun: " + SUM + " pair"))
                .toList();
        assertThat(baseLog)
                .hasSize(6)
                .startsWith(
                        "# benchrun: " + SUM + " pair 1, baseline first",
                        "# benchrun: " + SUM + " pair 2, baseline second",
                        "# benchrun: " + SUM + " pair 3, baseline first")
                .endsWith("# benchrun: " + SUM + " pair 6, baseline second");
        assertThat(candLog)
                .hasSize(6)
                .startsWith(
                        "# benchrun: " + SUM + " pair 1, candidate second",
                        "# benchrun: " + SUM + " pair 2, candidate first");
        assertThat(Files.readString(benchrun.runDir(ids.get(0)).resolve("jmh.log")))
                .as("the baseline side's log has only its own forks")
                .contains(oldJar)
                .doesNotContain(newJar);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDuetRunsTheTwoForksOfAPairAtOnceEachPinnedToItsHalfOfTheCpusSwappingFromPairToPair() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "two CPUs");
        assumeTrue(
                Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "taskset"))));
        // Each fake fork waits for a second one to start: forks run one after the other never meet, and fail.
        benchrun.jmh.meetInPairs();

        var result = session("--filter", "sum$", "--duet");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(row(result, SUM)).contains("~", "6 pairs, stopped: unchanged");
        var launches = benchrun.jmh.launches();
        assertThat(launches).hasSize(12);
        var cpus = new ArrayList<String>();
        for (var launch : launches) {
            var command = launch.command();
            assertThat(command.subList(0, 2)).containsExactly("taskset", "-c");
            cpus.add((launch.jar().equals(oldJar) ? "baseline " : "candidate ") + command.get(2));
            assertThat(launch.jvmArgs())
                    .startsWith(
                            "-XX:ActiveProcessorCount=" + Runtime.getRuntime().availableProcessors());
        }
        // Launches of a pair start together, in either order: compare each pair as a set.
        for (int pair = 0; pair < 6; pair++) {
            var first = pair % 2 == 0 ? "0" : "1";
            var second = pair % 2 == 0 ? "1" : "0";
            assertThat(cpus.subList(2 * pair, 2 * pair + 2))
                    .as("pair %d", pair + 1)
                    .containsExactlyInAnyOrder("baseline " + halfOf(first), "candidate " + halfOf(second));
        }
        var run = Json.MAPPER.readTree(
                benchrun.runDir(sides().get(1)).resolve("run.json").toFile());
        assertThat(run.at("/session/order").asText()).isEqualTo("duet");
        assertThat(run.at("/session/maxPairs").asInt()).isEqualTo(30);
        assertThat(Files.readString(benchrun.runDir(sides().get(0)).resolve("jmh.log")))
                .contains("# benchrun: " + SUM + " pair 1, baseline on CPU ")
                .contains("pair 1, baseline on CPU " + halfOf("0") + ", both at once, started first")
                .contains("pair 2, baseline on CPU " + halfOf("1") + ", both at once, started second")
                .contains("pair 3, baseline on CPU " + halfOf("0") + ", both at once, started second")
                .contains("pair 4, baseline on CPU " + halfOf("1") + ", both at once, started first");

        var plan = session("--filter", "sum$", "--duet", "--dry-run");
        assertThat(plan.out()).contains("the two forks of a pair at once on CPUs ", "α is spent at 30");
    }

    /** The CPUs of half "0" (the lower) or "1" of the ones this process may use. */
    private static String halfOf(String half) throws Exception {
        var allowed = new ArrayList<String>();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Cpus_allowed_list:")) {
                for (String range :
                        line.substring("Cpus_allowed_list:".length()).trim().split(",")) {
                    String[] ends = range.split("-");
                    for (int c = Integer.parseInt(ends[0]); c <= Integer.parseInt(ends[ends.length - 1]); c++) {
                        allowed.add(String.valueOf(c));
                    }
                }
            }
        }
        int n = allowed.size() / 2;
        return String.join(",", half.equals("0") ? allowed.subList(0, n) : allowed.subList(n, 2 * n));
    }

    @Test
    void forksAskedForAreNotUsedAndThePlanSaysSo() {
        var result = session("--filter", "sum$", "-f", "3", "--dry-run");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.outLines())
                .contains("Note: a session runs one fork of each side per pair, so -f 3 is not used:"
                        + " --max-pairs says how many pairs a benchmark may take");
        assertThat(session("--filter", "sum$", "-f", "1", "--dry-run").out()).doesNotContain("is not used");
    }

    @Test
    void aDryRunPrintsBothSidesThePairsAndTheLooksAndRunsNothing() throws Exception {
        var result = session("--filter", "sum", "--dry-run");

        assertThat(result.exit()).as(result.err()).isZero();
        String java = System.getProperty("java.version");
        assertThat(result.outLines().get(0))
                .isEqualTo("Plan: A/B session of 2 benchmarks, profile pairs, pairs of forks in ABBA order; "
                        + "a benchmark may stop as unchanged at 6, 9, 12 pairs, α is spent at 15");
        assertThat(result.outLines().get(1))
                .startsWith("  baseline (--against): " + oldJar + " on ")
                .endsWith("(Java " + java + ")");
        assertThat(result.outLines().get(2))
                .startsWith("  candidate:            " + newJar + " on ")
                .endsWith("(Java " + java + ")");
        assertThat(result.outLines())
                .filteredOn(l -> l.startsWith("sum"))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("6–15", "2×200ms + 2×200ms"));
        assertThat(result.out()).contains("\nEstimated wall time: ").doesNotContain("Note: ");

        var few = session("--filter", "sum$", "--max-pairs", "5", "--dry-run");
        assertThat(few.exit()).as(few.err()).isZero();
        assertThat(few.outLines().get(0))
                .as("no check before the last pair")
                .isEqualTo("Plan: A/B session of 1 benchmark, profile pairs, pairs of forks in ABBA order; "
                        + "α is spent at 5");
        assertThat(few.outLines())
                .filteredOn(l -> l.startsWith("sum"))
                .singleElement()
                .asString()
                .contains("5–5");
        assertThat(few.outLines())
                .contains("Note: with at most 5 pairs no change can be shown at α = 0.01: every verdict will be "
                        + "~ or INCONCLUSIVE; --max-pairs 8 or more can");
        assertThat(benchrun.jmh.launches()).isEmpty();
        assertThat(benchrun.runIds()).isEmpty();
    }

    @Test
    void bothSidesAreStoredAsRunsOfOneSessionAndTheCandidateIsLatest() throws Exception {
        var result = session("--filter", "sum");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(benchrun.runIds()).hasSize(2);
        var ids = sides();
        JsonNode base = benchrun.storedRun(ids.get(0));
        JsonNode cand = benchrun.storedRun(ids.get(1));
        assertThat(base.get("kind").asText()).isEqualTo("against");
        assertThat(cand.get("kind").asText()).isEqualTo("run");
        assertThat(base.at("/session/id").asText())
                .isEqualTo(cand.at("/session/id").asText())
                .isEqualTo(ids.get(1));
        assertThat(base.at("/session/side").asText()).isEqualTo("baseline");
        assertThat(cand.at("/session/side").asText()).isEqualTo("candidate");
        assertThat(base.at("/session/otherRun").asText()).isEqualTo(ids.get(1));
        assertThat(cand.at("/session/otherRun").asText()).isEqualTo(ids.get(0));
        for (var run : List.of(base, cand)) {
            assertThat(run.at("/session/order").asText()).isEqualTo("ABBA");
            assertThat(run.at("/session/maxPairs").asInt()).isEqualTo(15);
            assertThat(run.at("/session/looks").toString()).isEqualTo("[15]");
            assertThat(run.at("/session/stopped").toString())
                    .isEqualTo("{\"" + SUM_THROUGHPUT_KEY + "\":\"UNCHANGED\",\"" + SUM_KEY + "\":\"UNCHANGED\"}");
            assertThat(run.at("/settings/forks").asInt())
                    .as("one fork per pair")
                    .isEqualTo(1);
            assertThat(run.get("benchmarks")).hasSize(2);
            assertThat(run.at("/benchmarks/0/primary/forks"))
                    .as("fork k is pair k")
                    .hasSize(6);
        }
        assertThat(base.at("/settings/jar").asText()).endsWith("old.jar");
        assertThat(cand.at("/settings/jar").asText()).endsWith("fixtures.jar");
        assertThat(result.out())
                .contains("\nStored session " + ids.get(1) + ": the --against side as run " + ids.get(0)
                        + ", the candidate as run " + ids.get(1) + " in "
                        + benchrun.store().resolve("runs") + "\n"
                        + "Judge it again with: benchrun compare " + ids.get(0) + " " + ids.get(1) + "\n");

        var latest = benchrun.run("compare", ids.get(0));
        assertThat(latest.exit()).as(latest.err()).isZero();
        assertThat(latest.outLines()).element(1).asString().startsWith("Candidate: latest (run " + ids.get(1) + ")");

        deleteTree(benchrun.runDir(ids.get(1)));
        var againstOnly = benchrun.run("compare", ids.get(0));
        assertThat(againstOnly.exit()).as("the --against side is never latest").isEqualTo(2);
        assertThat(againstOnly.errLines()).singleElement().asString().startsWith("benchrun: no run in store ");
    }

    private static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (var p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void theSameCodeOnBothSidesComesOutUnchangedAndExitsZero() {
        var result = session("--filter", "sum");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(row(result, SUM))
                .endsWith("+0.0%  1.000  ~        6 pairs, stopped: unchanged; smallest detectable change 1.0%");
        assertThat(result.out())
                .contains("\n2 compared: 0 regressions, 0 warnings, 0 slower, 0 improvements, 2 unchanged.\n");
        assertThat(result.errLines())
                .contains("Running an A/B session of 2 benchmarks with profile pairs; estimated 50s to 2m06s")
                .anySatisfy(l -> assertThat(l).startsWith("✓ [1/2] " + SUM + ": 6 pairs, unchanged  ("));
    }

    @Test
    void aSlowdownOnTheCandidateSideOnlyIsARegressionAndFailsTheGate() throws Exception {
        var result = benchrun.run(
                "run",
                "--jar",
                "fixtures.jar",
                "--filter",
                "sum",
                "--jvm-args",
                "-Dfixture.slowdown=50",
                "--against-jvm-args",
                "");

        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(benchrun.jmh.launches())
                .as("--against-jvm-args replaces --jvm-args on the baseline side")
                .extracting(FakeJmh.Launch::jvmArgs)
                .containsOnly(List.of(), List.of("-Dfixture.slowdown=50"));
        assertThat(benchrun.jmh.launches())
                .filteredOn(l -> l.jvmArgs().isEmpty())
                .as("never inside the margin, so no check stops it: 15 pairs each")
                .hasSize(30);
        // 15 pairs all slower: p = 2/2¹⁵ at the only look, which spends all of α; BH over 2 equal p's keeps it.
        assertThat(row(result, SUM)).contains("+50.0%  <0.001  REGRESSION  15 pairs, stopped: changed");
        assertThat(row(result, "sumThroughput[extra=-1,n=256]")).contains("+50.0%  <0.001  REGRESSION");
        assertThat(result.out())
                .contains("\n2 compared: 2 regressions, 0 warnings, 0 slower, 0 improvements, 0 unchanged.\n");
        var cand = benchrun.storedRun(sides().get(1));
        assertThat(cand.at("/session/stopped").toString())
                .isEqualTo("{\"" + SUM_THROUGHPUT_KEY + "\":\"CHANGED\",\"" + SUM_KEY + "\":\"CHANGED\"}");

        var ignored = benchrun.run(
                "run",
                "--jar",
                "fixtures.jar",
                "--filter",
                "sum$",
                "--jvm-args",
                "-Dfixture.slowdown=50",
                "--against-jvm-args",
                "",
                "--fail-on",
                "never");
        assertThat(ignored.exit()).as(ignored.err()).isZero();
    }

    @Test
    void thresholdsAndFailOnGateASessionAsTheyGateCompare() throws Exception {
        String[] slower7 = {
            "run",
            "--jar",
            "fixtures.jar",
            "--filter",
            "sum$",
            "--jvm-args",
            "-Dfixture.slowdown=7",
            "--against-jvm-args",
            ""
        };
        var warning = benchrun.run(slower7);
        assertThat(warning.exit())
                .as("a warning passes by default: " + warning.out())
                .isZero();
        assertThat(row(warning, SUM)).contains("+7.0%", "WARNING  15 pairs, stopped: changed");

        var failOnWarning = benchrun.run(with(slower7, "--fail-on", "warning"));
        assertThat(failOnWarning.exit()).isEqualTo(1);

        var stricter = benchrun.run(with(slower7, "--threshold", "uncategorised=2%,5%"));
        assertThat(stricter.exit()).isEqualTo(1);
        assertThat(row(stricter, SUM)).contains("REGRESSION");

        var junit = benchrun.run(with(slower7, "--format", "junit", "--fail-on", "warning"));
        assertThat(junit.exit()).isEqualTo(1);
        assertThat(junit.out()).startsWith("<?xml").contains("<failure", "WARNING");
    }

    private static String[] with(String[] args, String... more) {
        return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void anUndecidedBenchmarkIsInconclusiveAndFailsOnlyWithFailOnInconclusive() throws Exception {
        var result = session("--filter", "sum$", "--max-pairs", "2");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(benchrun.jmh.launches()).hasSize(4);
        assertThat(row(result, SUM))
                .contains(
                        "INCONCLUSIVE  2 pairs, stopped: most pairs; 2 pairs cannot bound the change at 95% confidence");
        assertThat(benchrun.storedRun(sides().get(1))
                        .at("/session/stopped/" + SUM_KEY)
                        .asText())
                .isEqualTo("MOST_PAIRS");
        assertThat(result.out())
                .as("the undecided are counted")
                .contains("\n1 compared: 0 regressions, 0 warnings, 0 slower, 0 improvements, 1 inconclusive, "
                        + "0 unchanged.\n");
        assertThat(result.err())
                .as("the plan says before anything runs that 2 pairs can show no change")
                .contains("with at most 2 pairs no change can be shown at α = 0.01");

        var strict = session("--filter", "sum$", "--max-pairs", "2", "--fail-on", "inconclusive");
        assertThat(strict.exit()).as(strict.out() + strict.err()).isEqualTo(1);
        var unchanged = session("--filter", "sum$", "--fail-on", "inconclusive");
        assertThat(unchanged.exit()).as("~ is decided: " + unchanged.out()).isZero();
    }

    @Test
    void jsonGoesToTheFileAndTheStoredSessionIsStillNamed() throws Exception {
        var result = session("--filter", "sum", "--format", "json", "-o", "ab.json");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        var ids = sides();
        assertThat(result.out()).startsWith("\nStored session " + ids.get(1) + ": ");
        var json = Json.MAPPER.readTree(dir.resolve("ab.json").toFile());
        assertThat(json.at("/baseline/runId").asText()).isEqualTo(ids.get(0));
        assertThat(json.at("/candidate/runId").asText()).isEqualTo(ids.get(1));
        assertThat(json.at("/settings/profile").asText()).isEqualTo("pairs");
        assertThat(json.at("/settings/alpha").asDouble()).isEqualTo(0.01);
        assertThat(json.at("/pairing/session").asText()).isEqualTo(ids.get(1));
        assertThat(json.at("/pairing/order").asText()).isEqualTo("ABBA");
        assertThat(json.at("/pairing/looks").toString()).isEqualTo("[15]");
        assertThat(json.at("/pairing/adjustment").asText()).isEqualTo("benjamini-hochberg");
        assertThat(json.get("benchmarks")).hasSize(2).allSatisfy(delta -> {
            assertThat(delta.get("verdict").asText()).isEqualTo("NO_CHANGE");
            assertThat(delta.at("/pairing/pairs").asInt()).isEqualTo(6);
            assertThat(delta.at("/pairing/stopped").asText()).isEqualTo("UNCHANGED");
            assertThat(delta.at("/pairing/sequentialPValue").asDouble())
                    .as("stopped before the only look, it spent no α")
                    .isEqualTo(1.0);
            assertThat(delta.at("/pairing/confidence").asDouble()).isEqualTo(0.96875); // 1 − 2·1/64
        });

        var toStdout = session("--filter", "sum$", "--format", "json");
        assertThat(toStdout.exit()).as(toStdout.err()).isZero();
        assertThat(Json.MAPPER.readTree(toStdout.out()).get("benchmarks"))
                .as("standard output holds the JSON only")
                .hasSize(1);
        assertThat(toStdout.err()).contains("\nStored session ");
    }

    @Test
    void aForkFailingOnOneSideStopsThatBenchmarkWithThePairsBeforeItJudgedAndExits3() throws Exception {
        var baselineForksOfSum = new AtomicInteger();
        benchrun.jmh.failWhen(launch -> launch.jar().equals(oldJar)
                && launch.benchmark().endsWith(".sum")
                && baselineForksOfSum.incrementAndGet() == 4);

        var result = session("--filter", "sum");

        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(3);
        assertThat(benchrun.jmh.launches())
                .filteredOn(l -> l.benchmark().endsWith(".sum"))
                .as("pairs 1–3, then pair 4's candidate fork and its failing baseline fork")
                .hasSize(8);
        assertThat(row(result, SUM)).contains("INCONCLUSIVE  3 pairs, stopped: a fork failed");
        assertThat(row(result, "sumThroughput[extra=-1,n=256]"))
                .as("the next benchmark still runs")
                .containsPattern("  ~ +6 pairs, stopped: unchanged");
        assertThat(result.errLines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("✗ [1/2] " + SUM + ": 3 pairs, a fork failed: " + FakeJmh.EXPLODE_REASON));
        assertThat(result.out())
                .as("the reason is named where the comparison is, not only in the progress")
                .contains("\nFailed on the --against side:\n  " + SUM + ": " + FakeJmh.EXPLODE_REASON
                        + "\n\nStored session ")
                .doesNotContain("Failed on the candidate side:");
        var ids = sides();
        var base = benchrun.storedRun(ids.get(0));
        var cand = benchrun.storedRun(ids.get(1));
        assertThat(base.at("/failures/0/id").asText()).isEqualTo("sum");
        assertThat(base.at("/failures/0/reason").asText()).isEqualTo(FakeJmh.EXPLODE_REASON);
        assertThat(cand.get("failures")).as("the candidate's forks all ran").isEmpty();
        assertThat(cand.at("/session/stopped/" + SUM_KEY).asText()).isEqualTo("FAILED");
        for (var run : List.of(base, cand)) {
            assertThat(run.at("/benchmarks/0/id").asText()).isEqualTo("sum");
            assertThat(run.at("/benchmarks/0/primary/forks"))
                    .as("a pair with one fork is no pair")
                    .hasSize(3);
        }
    }

    @Test
    void aBenchmarkWhoseFirstForkFailsIsNamedWithItsReasonEvenQuietly() throws Exception {
        var result = benchrun.run("-q", "run", "--jar", "fixtures.jar", "--against", "old.jar", "--filter", "explode");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(benchrun.jmh.launches())
                .as("the pair's first fork failed: no second")
                .hasSize(1);
        assertThat(result.out())
                .contains("\nFailed on the --against side:\n  explode: " + FakeJmh.EXPLODE_REASON + "\n");
        assertThat(benchrun.storedRun(sides().get(0)).at("/failures/0/reason").asText())
                .isEqualTo(FakeJmh.EXPLODE_REASON);
        assertThat(benchrun.storedRun(sides().get(1)).at("/session/stopped").toString())
                .as("the session says why the benchmark has no results")
                .isEqualTo("{\"explode[mode=avgt]\":\"FAILED\"}");
        assertThat(result.out()).contains("\nWarning: explode[mode=avgt] has no pair to judge: a fork failed\n");
    }

    @Test
    void badInputIsExit2WithOneLineBeforeAnythingRuns() throws Exception {
        assertRefused(
                benchrun.run("run", "--jar", "fixtures.jar", "--against", "gone.jar"),
                "benchrun: --against " + dir.resolve("gone.jar") + ": file not found");
        assertRefused(session("--max-pairs", "1"), "benchrun: --max-pairs must be at least 2 (got 1)");
        assertRefused(
                session("--baseline", "main"), "benchrun: --baseline and --against are two ways to compare: give one");
        assertRefused(
                session("--max-time", "0s"),
                "benchrun: Invalid value for option '--max-time': '0s' must be longer than zero");
        assertRefused(
                session("--max-time", "soon"),
                "benchrun: Invalid value for option '--max-time': 'soon' is not a time like 90s, 10m or 1h30m");
        assertRefused(
                session("--jmh-annotations"),
                "benchrun: --jmh-annotations is for a run of one build: an A/B session runs both sides with the"
                        + " same iterations, one fork per pair; give -wi, -w, -i or -r to change them");
        assertRefused(
                benchrun.run("run", "--jar", "fixtures.jar", "--format", "json"),
                "benchrun: --format and -o are for the comparison: add --against or --baseline");
        assertRefused(
                benchrun.run("run", "--jar", "fixtures.jar", "--max-pairs", "4"),
                "benchrun: --max-time, --max-pairs, --precision and --duet are for an A/B session: add --against");
        assertThat(benchrun.jmh.launches()).isEmpty();
        assertThat(benchrun.runIds()).isEmpty();
    }

    @Test
    void aBadAgainstJvmIsNamedAsTheOptionThatGaveIt() throws Exception {
        assertRefused(
                benchrun.run("run", "--jar", "fixtures.jar", "--against-jvm", "/nonexistent/java"),
                "benchrun: --against-jvm /nonexistent/java is not an executable java");
        Path notJava = dir.resolve("true.sh");
        Files.writeString(notJava, "#!/bin/sh\nexit 0\n");
        assertThat(notJava.toFile().setExecutable(true)).isTrue();
        assertRefused(
                benchrun.run("run", "--jar", "fixtures.jar", "--against-jvm", "true.sh"),
                "benchrun: --against-jvm " + notJava
                        + " is not a java: it did not report a Java version; give the path of a java executable");
        assertRefused(
                benchrun.run("run", "--jar", "fixtures.jar", "--jvm", "/nonexistent/java", "--against", "old.jar"),
                "benchrun: --jvm /nonexistent/java is not an executable java");
        assertThat(benchrun.jmh.launches()).isEmpty();
    }

    private static void assertRefused(InProcess.Result result, String line) {
        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.errLines()).first().isEqualTo(line);
        assertThat(result.errLines())
                .as("one line, and picocli's usage hint at most")
                .allMatch(l -> l.equals(line) || l.equals("Try 'benchrun run --help'."));
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aMaxTimeTooShortForTwoPairsOfEachBenchmarkIsRefusedBeforeAnythingRuns() throws Exception {
        String tooShort = "benchrun: --max-time 10s leaves each of the 2 benchmarks less than two pairs of forks "
                + "(sum[extra=-1,n=256]: about 5s a pair): allow at least 17s, or select fewer benchmarks";
        assertRefused(session("--filter", "sum", "--max-time", "10s"), tooShort);
        assertRefused(session("--filter", "sum", "--max-time", "10s", "--dry-run"), tooShort);
        assertThat(benchrun.jmh.launches()).isEmpty();
        assertThat(benchrun.runIds()).isEmpty();

        var enough = session("--filter", "sum$", "--max-time", "10s");
        assertThat(enough.exit()).as(enough.out() + enough.err()).isZero();
        assertThat(row(enough, SUM)).contains("~        6 pairs, stopped: unchanged");
    }

    @Test
    void onlyTheBenchmarksBothSidesHaveArePairedAndTheOthersAreNamed() throws Exception {
        // An older build without sumThroughput.
        try (var jar = new ZipOutputStream(Files.newOutputStream(dir.resolve("old.jar")))) {
            jar.putNextEntry(new ZipEntry("META-INF/BenchmarkList"));
            jar.write(Golden.resource("jmh/BenchmarkList")
                    .lines()
                    .filter(l -> !l.contains(" sumThroughput "))
                    .collect(Collectors.joining("\n", "", "\n"))
                    .getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            jar.putNextEntry(new ZipEntry("org/openjdk/jmh/Main.class"));
            jar.closeEntry();
        }

        var plan = session("--filter", "sum", "--dry-run");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.outLines())
                .contains("Note: only in the candidate, not run: sumThroughput[extra=-1,n=256]")
                .filteredOn(l -> l.startsWith("sum"))
                .singleElement()
                .asString()
                .startsWith(SUM + " ");

        var result = session("--filter", "sum");
        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(benchrun.jmh.launches())
                .extracting(FakeJmh.Launch::benchmark)
                .containsOnly("org.example.fixtures.TinyBench.sum");

        var nothingShared = session("--filter", "sumThroughput");
        assertThat(nothingShared.exit()).isEqualTo(2);
        assertThat(nothingShared.errLines())
                .as("the --against jar is named")
                .containsExactly(
                        "benchrun: no benchmark matches --filter sumThroughput in old.jar: see 'benchrun list'");
    }

    @Test
    void compareOfTheTwoStoredRunsReachesTheSessionsVerdicts() throws Exception {
        var result = benchrun.run(
                "run",
                "--jar",
                "fixtures.jar",
                "--filter",
                "sum",
                "--jvm-args",
                "-Dfixture.slowdown=50",
                "--against-jvm-args",
                "",
                "--format",
                "json",
                "-o",
                "session.json");
        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(1);
        var ids = sides();

        var again = benchrun.run("compare", ids.get(0), ids.get(1), "--format", "json", "-o", "again.json");

        assertThat(again.exit()).as(again.err()).isEqualTo(1);
        var session = Json.MAPPER.readTree(dir.resolve("session.json").toFile());
        var judged = Json.MAPPER.readTree(dir.resolve("again.json").toFile());
        assertThat(judged.get("benchmarks")).isEqualTo(session.get("benchmarks"));
        assertThat(judged.get("pairing")).isEqualTo(session.get("pairing"));
        assertThat(judged.get("settings")).isEqualTo(session.get("settings"));
        assertThat(judged.get("benchmarks"))
                .extracting(d -> d.get("verdict").asText())
                .containsExactly("REGRESSION", "REGRESSION");
    }
}
