package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.testing.FakeJmh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --profile A,B} and {@code run --jvm A,B}, a variant run, in process on the fixture
 * benchmarks with JMH faked. The fake measures a profile with {@code -Dfixture.slowdown=40} 40%
 * slower, and every fork of one variant alike, so the faster variant wins every benchmark.
 */
class VariantCommandTest {

    private static final String SUM = "sum[extra=-1,n=256]";

    @TempDir
    Path dir;

    private InProcess benchrun;

    @BeforeEach
    void setUp() throws Exception {
        benchrun = new InProcess(dir);
        Files.writeString(
                dir.resolve("slow.yaml"), "extends: quick\nname: slow\njvm:\n  args: [\"-Dfixture.slowdown=40\"]\n");
    }

    private InProcess.Result run(String... args) {
        return benchrun.run(Stream.concat(Stream.of("run", "--jar", "fixtures.jar"), Stream.of(args))
                .toArray(String[]::new));
    }

    @Test
    void aDryRunPlansEveryVariantAndRunsNothing() {
        var result = run("--profile", "quick,g1", "--dry-run");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(result.out())
                .contains("Plan: 2 variants of the selection")
                .contains("Variant quick: ")
                .contains("Variant g1: ")
                .contains("profile g1, forks on ")
                .contains("Estimated wall time: ");
        assertThat(benchrun.jmh.launches()).isEmpty();
    }

    @Test
    void forksOfTheVariantsTakeTurnsEachRoundStartingWithTheNextVariant() throws Exception {
        var result = run("--filter", "sum$", "--profile", "quick,slow.yaml");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        var launches = benchrun.jmh.launches();
        assertThat(launches)
                .hasSize(4)
                .allSatisfy(launch -> assertThat(launch.forks()).isEqualTo(1));
        // quick has 2 forks: round 1 quick then slow, round 2 slow then quick.
        assertThat(launches)
                .extracting(launch -> FakeJmh.slowdown(launch.jvmArgs()) > 1 ? "slow" : "quick")
                .containsExactly("quick", "slow", "slow", "quick");

        var ids = benchrun.runIds();
        assertThat(ids).hasSize(2);
        for (String id : ids) {
            var stored = benchrun.storedRun(id);
            assertThat(stored.get("kind").asText()).isEqualTo("run");
            assertThat(stored.at("/variants/id").asText()).isEqualTo(ids.get(0));
            assertThat(stored.at("/variants/members/0/run").asText()).isEqualTo(ids.get(0));
            assertThat(stored.at("/variants/members/0/name").asText()).isEqualTo("quick");
            assertThat(stored.at("/variants/members/1/name").asText()).isEqualTo("slow");
            assertThat(stored.at("/benchmarks/0/primary/forks").size())
                    .as("both forks of the variant, in one result")
                    .isEqualTo(2);
            assertThat(stored.at("/benchmarks/0/wallSeconds").isNumber())
                    .as("the variant's own time for the benchmark, its forks summed")
                    .isTrue();
        }
        assertThat(benchrun.storedRun(ids.get(0)).at("/variants/name").asText()).isEqualTo("quick");
        assertThat(benchrun.storedRun(ids.get(1)).at("/variants/name").asText()).isEqualTo("slow");
        assertThat(benchrun.storedRun(ids.get(1)).at("/settings/profile").asText())
                .isEqualTo("slow");
        assertThat(Files.readString(benchrun.runDir(ids.get(1)).resolve("jmh.log")))
                .contains("# benchrun: sum fork 1 of 2, variant slow, second of round 1")
                .contains("# benchrun: sum fork 2 of 2, variant slow, first of round 2");
    }

    @Test
    void theSideBySideTableNamesTheWinnerWithTheRunnerUpsExtraCostAndTheRunsCompareAndReport() throws Exception {
        var result = run("--filter", "sum$", "--profile", "quick,slow.yaml");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(result.out())
                .contains("Variant quick:")
                .contains("Variant slow:")
                .contains("Side by side:");
        var row = result.outLines().stream()
                .filter(l -> l.startsWith(SUM + " ") && l.contains("slow +"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no side-by-side row in:\n" + result.out()));
        assertThat(row).contains("*").contains(" quick ").contains("slow +40.0%");
        var ids = benchrun.runIds();
        assertThat(result.out())
                .contains("Stored variant run " + ids.get(0) + ": quick as run " + ids.get(0) + ", slow as run "
                        + ids.get(1))
                .contains("benchrun compare " + ids.get(0) + " " + ids.get(1));

        var compare = benchrun.run("compare", ids.get(0), ids.get(1), "--fail-on", "never");
        assertThat(compare.exit()).as(compare.out() + compare.err()).isZero();
        assertThat(compare.out()).contains(SUM).contains("REGRESSION");

        var report = benchrun.run("report", ids.get(1), "--format", "json", "-o", "-");
        assertThat(report.exit()).as(report.err()).isZero();
        var variants = dev.benchrun.json.Json.MAPPER.readTree(report.out()).get("variants");
        assertThat(variants.at("/runs/0/runId").asText()).isEqualTo(ids.get(0));
        assertThat(variants.at("/runs/1/runId").asText()).isEqualTo(ids.get(1));
        assertThat(variants.at("/benchmarks/0/best").asInt()).isZero();
        assertThat(variants.at("/benchmarks/0/winner").asInt()).isZero();
        assertThat(variants.at("/benchmarks/0/margin/estimate").asDouble()).isBetween(0.39, 0.41);

        var list = benchrun.run("list", "runs");
        assertThat(list.outLines())
                .anySatisfy(l -> assertThat(l).startsWith(ids.get(0)).contains("run, variant quick"))
                .anySatisfy(l -> assertThat(l).startsWith(ids.get(1)).contains("run, variant slow"));
    }

    @Test
    void aFailingForkStopsThatVariantOfTheBenchmarkOnlyAndExits3() throws Exception {
        var slowForksOfSum = new java.util.concurrent.atomic.AtomicInteger();
        benchrun.jmh.failWhen(launch -> FakeJmh.slowdown(launch.jvmArgs()) > 1
                && launch.benchmark().endsWith(".sum")
                && slowForksOfSum.incrementAndGet() == 1);

        var result = run("--filter", "sum", "--profile", "quick,slow.yaml");

        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(3);
        assertThat(benchrun.jmh.launches())
                .filteredOn(l -> l.benchmark().endsWith(".sum"))
                .as("quick's two forks; slow's first, which failed, and no second")
                .hasSize(3);
        assertThat(benchrun.jmh.launches())
                .filteredOn(l -> l.benchmark().endsWith(".sumThroughput"))
                .as("the next benchmark still runs under both")
                .hasSize(4);
        var ids = benchrun.runIds();
        var slow = benchrun.storedRun(ids.get(1));
        assertThat(slow.at("/failures/0/id").asText()).isEqualTo("sum");
        assertThat(slow.at("/failures/0/reason").asText()).isEqualTo(FakeJmh.EXPLODE_REASON);
        assertThat(benchrun.storedRun(ids.get(0)).get("failures")).isEmpty();
        var table = result.out().substring(result.out().indexOf("Side by side:"));
        assertThat(table).contains("sumThroughput[extra=-1,n=256]").doesNotContain(SUM);
    }

    @Test
    void variantsThatMeasureAlikeHaveNoWinner() {
        var result = run("--filter", "sum$", "--profile", "quick,g1");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        var row = result.outLines().stream()
                .filter(l -> l.startsWith(SUM + " ") && l.contains(" ~ "))
                .findFirst();
        assertThat(row).as(result.out()).isPresent();
    }

    @Test
    void twoJvmsOfOneVersionAreNamedByTheirPaths() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path other = dir.resolve("other-java");
        Files.createSymbolicLink(other, java);

        var result = run("--filter", "sum$", "--jvm", java + "," + other, "--dry-run");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("Variant " + java + ":").contains("Variant " + other + ":");
    }

    @Test
    void badVariantListsAreOneLineAndExitTwo() {
        for (var args : List.of(
                List.of("--profile", "quick,quick"),
                List.of("--profile", "quick,"),
                List.of("--profile", "quick,nosuch"),
                List.of("--profile", "quick,g1", "--baseline", "main"),
                List.of("--profile", "quick,g1", "--shard", "1/2"),
                List.of("--profile", "quick,g1", "--save-baseline", "main"),
                List.of("--profile", "quick,g1", "--format", "json"),
                List.of("--profile", "quick,g1,zgc,parallel,ci,full,pairs,quick.yaml,x.yaml"))) {
            var result = run(args.toArray(String[]::new));
            assertThat(result.exit()).as(args + ": " + result.err()).isEqualTo(2);
            assertThat(result.errLines()).as(args.toString()).hasSize(1);
        }
        assertThat(benchrun.jmh.launches()).isEmpty();
    }
}
