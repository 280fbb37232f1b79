package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --against} on the real jar: two builds of the fixtures, made in the test as two copies
 * of one jar that differ only in the slowdown they carry, measured in one session.
 */
class AbEndToEndIT {

    private static final List<String> SHORT = List.of("-wi", "1", "-w", "100ms", "-i", "2", "-r", "100ms");
    private static final String HASH_WORK = "hashWork[extra=-1,n=256]";

    @TempDir
    Path dir;

    /** A copy of the fixtures jar whose benchmarks do {@code percent} more work, as a slower build would. */
    private Path build(String name, int percent) throws IOException {
        Path jar = dir.resolve(name);
        Files.copy(Benchrun.FIXTURES, jar);
        try (var zip = FileSystems.newFileSystem(jar)) {
            Files.writeString(zip.getPath("/fixture.properties"), "slowdown=" + percent + "\n");
        }
        return jar;
    }

    /** {@code run --against AGAINST --jar JAR --filter FILTER}, short forks, then {@code extra}. */
    private static String[] session(Path against, Path jar, String filter, String... extra) {
        var args = new ArrayList<>(List.of("run", "--jar", jar.toString(), "--filter", filter));
        if (against != null) {
            args.addAll(List.of("--against", against.toString()));
        }
        args.addAll(SHORT);
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** The published runs of the store, by their session side: "baseline" and "candidate". */
    private Map<String, Path> storedSides() throws IOException {
        var sides = new TreeMap<String, Path>();
        try (var runs = Files.list(dir.resolve(".benchrun/runs"))) {
            for (Path run : runs.filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList()) {
                sides.put(read(run).at("/session/side").asText(), run);
            }
        }
        return sides;
    }

    private static JsonNode read(Path runDir) throws IOException {
        return Json.MAPPER.readTree(runDir.resolve("run.json").toFile());
    }

    private static List<String> pairLines(Path runDir) throws IOException {
        return Files.readString(runDir.resolve("jmh.log"))
                .lines()
                .filter(l -> l.startsWith("# benchrun: ") && l.contains(" pair "))
                .toList();
    }

    @Test
    void aDryRunPrintsBothSidesThePairsAndTheTimeAndRunsNothing() throws Exception {
        Path old = build("old.jar", 0);
        var result = Benchrun.run(dir, session(old, Benchrun.FIXTURES, "TinyBench.hashWork", "--dry-run"));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .contains(
                        "Plan: A/B session of 1 benchmark, profile pairs, pairs of forks in ABBA order;"
                                + " a benchmark may stop as unchanged at 6, 9, 12 pairs, α is spent at 15",
                        "baseline (--against): " + old + " on ",
                        "candidate:            " + Benchrun.FIXTURES + " on ");
        assertThat(result.out().lines().filter(l -> l.startsWith(HASH_WORK)))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("6–15", "1×100ms + 2×100ms"));
        assertThat(result.out()).containsPattern("Estimated wall time: \\d+s to \\d+s");
        assertThat(dir.resolve(".benchrun/runs"))
                .satisfiesAnyOf(
                        runs -> assertThat(runs).doesNotExist(),
                        runs -> assertThat(runs).isEmptyDirectory());
    }

    @Test
    void pairsAlternateWhichSideRunsFirstAndBothSidesAreStoredAsOneSession() throws Exception {
        Path old = build("old.jar", 0);
        var result = Benchrun.run(dir, session(old, Benchrun.FIXTURES, "TinyBench.hashWork", "--max-pairs", "4"));

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        var sides = storedSides();
        assertThat(sides).containsOnlyKeys("baseline", "candidate");
        JsonNode base = read(sides.get("baseline"));
        JsonNode cand = read(sides.get("candidate"));
        assertThat(base.at("/session/id").asText())
                .isEqualTo(cand.at("/session/id").asText())
                .isNotEmpty();
        assertThat(base.at("/session/otherRun").asText())
                .isEqualTo(cand.get("id").asText());
        assertThat(cand.at("/session/otherRun").asText())
                .isEqualTo(base.get("id").asText());
        assertThat(base.get("kind").asText()).isEqualTo("against");
        assertThat(cand.get("kind").asText()).isEqualTo("run");
        assertThat(base.at("/benchmarks/0/primary/forks")).hasSize(4);
        assertThat(cand.at("/benchmarks/0/primary/forks")).hasSize(4);

        // Pair 1 (the first, k = 0) runs the baseline first, pair 2 the candidate, and so on.
        assertThat(pairLines(sides.get("baseline")))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 4)
                        .mapToObj(k -> "# benchrun: " + HASH_WORK + " pair " + k + ", baseline "
                                + (k % 2 == 1 ? "first" : "second"))
                        .toList());
        assertThat(pairLines(sides.get("candidate")))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 4)
                        .mapToObj(k -> "# benchrun: " + HASH_WORK + " pair " + k + ", candidate "
                                + (k % 2 == 1 ? "second" : "first"))
                        .toList());
        // Each side's forks ran its own jar.
        assertThat(Files.readString(sides.get("baseline").resolve("jmh.log")))
                .contains("-jar " + old + " ")
                .doesNotContain("-jar " + Benchrun.FIXTURES + " ");
        assertThat(Files.readString(sides.get("candidate").resolve("jmh.log")))
                .contains("-jar " + Benchrun.FIXTURES + " ")
                .doesNotContain("-jar " + old + " ");
        assertThat(result.out())
                .contains("Judge it again with: benchrun compare "
                        + base.get("id").asText() + " " + cand.get("id").asText());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDuetPinsTheTwoForksOfEachPairToTheirOwnCpusAndStoresTheSessionAsDuet() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "two CPUs");
        Path old = build("old.jar", 0);
        var result =
                Benchrun.run(dir, session(old, Benchrun.FIXTURES, "TinyBench.hashWork", "--duet", "--max-pairs", "3"));

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        var sides = storedSides();
        assertThat(read(sides.get("candidate")).at("/session/order").asText()).isEqualTo("duet");
        assertThat(read(sides.get("baseline")).at("/benchmarks/0/primary/forks"))
                .hasSize(3);
        for (String side : List.of("baseline", "candidate")) {
            assertThat(pairLines(sides.get(side)))
                    .hasSize(3)
                    .allMatch(l -> l.matches("# benchrun: \\Q" + HASH_WORK + "\\E pair [1-3], " + side
                            + " on CPU [0-9,]+, both at once, started (first|second)"));
            // Which side starts first follows ABBA over the pairs: pairs 1 and 4 the baseline.
            assertThat(pairLines(sides.get(side)).get(0))
                    .endsWith(side.equals("baseline") ? "started first" : "started second");
            assertThat(pairLines(sides.get(side)).get(1))
                    .endsWith(side.equals("baseline") ? "started second" : "started first");
            String log = Files.readString(sides.get(side).resolve("jmh.log"));
            assertThat(log).contains("# benchrun: taskset -c ");
            // The fork's JVM sizes itself for the CPUs benchrun may use, not for the ones it is pinned to.
            assertThat(log)
                    .containsPattern("# VM options: .*-XX:ActiveProcessorCount="
                            + Runtime.getRuntime().availableProcessors());
        }
        var cpus = pairLines(sides.get("baseline")).stream()
                .map(l -> l.replaceAll(".* on CPU ([0-9,]+),.*", "$1"))
                .toList();
        assertThat(cpus.get(0)).as("sides swap CPUs from pair to pair").isNotEqualTo(cpus.get(1));
        assertThat(cpus.get(2)).isEqualTo(cpus.get(0));
    }

    @Test
    void theSameBuildOnBothSidesPassesTheGate() throws Exception {
        // 8 pairs at α = 0.01: the one look could reject (p ≥ 2/2⁸ = 0.0078), so a pass is a verdict;
        // the check at 6 pairs may stop it earlier as unchanged.
        var result = Benchrun.run(
                dir,
                session(
                        build("same.jar", 0),
                        Benchrun.FIXTURES,
                        "TinyBench.hashWork",
                        "--max-pairs",
                        "8",
                        "--threshold",
                        "default=5%,10%",
                        "--fail-on",
                        "regression"));

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(result.rows().filter(l -> l.contains(HASH_WORK)))
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .containsPattern("[68] pairs, stopped: (unchanged|most pairs)")
                        .doesNotContain("REGRESSION", "WARNING"));
        assertThat(result.err()).doesNotContain("no change can be shown");
    }

    @Test
    void aSlowerBuildIsARegressionInTheSessionAndWhenJudgedAgain() throws Exception {
        // Four times the work: no pair of forks on a busy machine inverts that. With 6 pairs the
        // signed-rank test's smallest p is 2/2⁶ = 0.031, hence α = 0.05.
        Path slow = build("slow.jar", 300);
        var gate = List.of("--alpha", "0.05", "--threshold", "default=5%,10%");
        var args = new ArrayList<>(List.of(session(Benchrun.FIXTURES, slow, "TinyBench.hashWork", "--max-pairs", "6")));
        args.addAll(gate);
        args.addAll(List.of("--format", "json", "-o", "compare.json"));
        var result = Benchrun.run(dir, args.toArray(String[]::new));

        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(1);
        JsonNode comparison = Json.MAPPER.readTree(dir.resolve("compare.json").toFile());
        assertThat(comparison.get("benchmarks")).hasSize(1);
        JsonNode hashWork = comparison.at("/benchmarks/0");
        assertThat(hashWork.get("verdict").asText()).isEqualTo("REGRESSION");
        assertThat(hashWork.at("/change/estimate").asDouble()).isGreaterThan(1.0);
        assertThat(hashWork.at("/pairing/pairs").asInt()).isEqualTo(6);
        assertThat(hashWork.at("/pairing/stopped").asText()).isEqualTo("CHANGED");
        var sides = storedSides();
        String sessionId = read(sides.get("candidate")).at("/session/id").asText();
        assertThat(comparison.at("/pairing/session").asText()).isEqualTo(sessionId);
        assertThat(comparison.at("/pairing/order").asText()).isEqualTo("ABBA");
        assertThat(comparison.at("/pairing/maxPairs").asInt()).isEqualTo(6);

        var again = new ArrayList<>(List.of(
                "compare",
                read(sides.get("baseline")).get("id").asText(),
                read(sides.get("candidate")).get("id").asText()));
        again.addAll(gate);
        var table = Benchrun.run(dir, again.toArray(String[]::new));
        assertThat(table.exit()).as(table.out() + table.err()).isEqualTo(1);
        assertThat(table.rows().filter(l -> l.contains("REGRESSION")).toList())
                .singleElement()
                .satisfies(l -> assertThat(l).contains(HASH_WORK, "6 pairs"));
    }

    @Test
    void ctrlCKeepsTheFinishedPairsJudgesThemAndExits130() throws Exception {
        var builder = Benchrun.builder(dir, session(build("old.jar", 0), Benchrun.FIXTURES, "TinyBench.hashWork"));
        builder.redirectOutput(dir.resolve("out.txt").toFile());
        builder.redirectError(dir.resolve("err.txt").toFile());
        Process process = builder.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (process.isAlive() && Instant.now().isBefore(deadline) && finishedForks() < 2) {
                Thread.sleep(200);
            }
            assertThat(finishedForks()).as("pair 1 finished").isGreaterThanOrEqualTo(2);
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid()))
                    .start()
                    .waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }

        String out = Files.readString(dir.resolve("out.txt"));
        assertThat(process.exitValue())
                .as(out + Files.readString(dir.resolve("err.txt")))
                .isEqualTo(130);
        var sides = storedSides();
        assertThat(sides).containsOnlyKeys("baseline", "candidate");
        JsonNode base = read(sides.get("baseline"));
        JsonNode cand = read(sides.get("candidate"));
        assertThat(base.get("interrupted").asBoolean()).isTrue();
        assertThat(cand.get("interrupted").asBoolean()).isTrue();
        int pairs = cand.at("/benchmarks/0/primary/forks").size();
        assertThat(pairs)
                .as("interrupted after pair 1, before the first check at 6")
                .isBetween(1, 5);
        assertThat(base.at("/benchmarks/0/primary/forks")).hasSize(pairs);
        assertThat(out.lines().filter(l -> l.contains(HASH_WORK) && !l.startsWith("  - ")))
                .singleElement()
                .satisfies(l -> assertThat(l).contains(pairs + " pair", "stopped: interrupted"));
        assertThat(out)
                .contains("Interrupted; kept what finished as session "
                        + cand.at("/session/id").asText());
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains("org.openjdk.jmh.runner.ForkedMain")
                                && p.info().commandLine().orElse("").contains(dir.toString())))
                .as("no forked JVM left behind")
                .isEmpty();
    }

    /** Forks finished so far in the session's staging directories: JMH ends each with "# Run complete". */
    private long finishedForks() throws IOException {
        Path runs = dir.resolve(".benchrun/runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        long finished = 0;
        try (var staging = Files.list(runs)) {
            for (Path side : staging.filter(p -> p.getFileName().toString().startsWith("."))
                    .toList()) {
                try {
                    // Read as bytes: the log is being written, its last character may be half there.
                    finished += new String(Files.readAllBytes(side.resolve("jmh.log")), StandardCharsets.UTF_8)
                            .lines()
                            .filter(l -> l.startsWith("# Run complete"))
                            .count();
                } catch (NoSuchFileException e) {
                    // not written yet
                }
            }
        }
        return finished;
    }

    @Test
    void aForkFailingOnOneSideStopsThatBenchmarkAndTheOthersAreJudged() throws Exception {
        // The same jar on both sides, only the baseline side's JVM arguments make flaky throw.
        var result = Benchrun.run(
                dir,
                session(
                        null,
                        Benchrun.FIXTURES,
                        "SwitchBench",
                        "--against-jvm-args",
                        "-Dfixture.fail=true",
                        "--max-pairs",
                        "2"));

        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(3);
        assertThat(result.out())
                .contains("Failed on the --against side:\n"
                        + "  flaky: java.lang.IllegalStateException: fixture benchmark failed on purpose")
                .doesNotContain("Failed on the candidate side:");
        assertThat(result.rows().filter(l -> l.startsWith("  steady")))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("2 pairs"));
        // On a noisy machine "measure again on a quieter machine" comes first; the more pairs follow it.
        assertThat(result.out())
                .containsPattern(
                        // On a loaded machine "measure again on a quieter machine" may come first.
                        "(?m)^Recommendations\n(  - .*\n)*  - steady: run the session with --max-pairs \\d+ — after 2 pairs ");
        var sides = storedSides();
        JsonNode base = read(sides.get("baseline"));
        JsonNode cand = read(sides.get("candidate"));
        assertThat(base.at("/failures/0/id").asText()).isEqualTo("flaky");
        assertThat(cand.get("failures")).isEmpty();
        assertThat(base.get("benchmarks"))
                .singleElement()
                .satisfies(b -> assertThat(b.get("id").asText()).isEqualTo("steady"));
        assertThat(base.at("/environment/jvm/args").toString()).contains("-Dfixture.fail=true");
        assertThat(cand.at("/environment/jvm/args").toString()).doesNotContain("-Dfixture.fail=true");
    }

    @Test
    void jvmArgumentsAloneMakeASessionAndBaselineWithAgainstIsRefused() throws Exception {
        var plan = Benchrun.run(
                dir,
                session(
                        null,
                        Benchrun.FIXTURES,
                        "TinyBench.hashWork",
                        "--against-jvm-args",
                        "-XX:+UseSerialGC",
                        "--dry-run"));
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("Plan: A/B session of 1 benchmark");
        assertThat(plan.out().lines().filter(l -> l.contains("baseline (--against):")))
                .singleElement()
                .satisfies(l -> assertThat(l).endsWith(", -XX:+UseSerialGC"));
        assertThat(plan.out().lines().filter(l -> l.contains("candidate:")))
                .singleElement()
                .satisfies(l -> assertThat(l).doesNotContain("-XX:+UseSerialGC"));

        var both = Benchrun.run(
                dir, session(build("old.jar", 0), Benchrun.FIXTURES, "TinyBench.hashWork", "--baseline", "main"));
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.errLines())
                .containsExactly("benchrun: --baseline and --against are two ways to compare: give one");

        var missing = Benchrun.run(dir, session(dir.resolve("nonesuch.jar"), Benchrun.FIXTURES, "TinyBench.hashWork"));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.errLines())
                .singleElement()
                .satisfies(l -> assertThat(l).startsWith("benchrun: ").contains("nonesuch.jar"));
        assertThat(dir.resolve(".benchrun/runs"))
                .satisfiesAnyOf(
                        runs -> assertThat(runs).doesNotExist(),
                        runs -> assertThat(runs).isEmptyDirectory());
    }
}
