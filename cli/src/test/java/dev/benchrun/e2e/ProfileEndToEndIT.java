package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchrun profile} with the real jar and the bundled async-profiler on the fixture benchmarks. */
class ProfileEndToEndIT {

    private static final String[] SHORT = {"-f", "1", "-wi", "1", "-w", "200ms", "-i", "2", "-r", "200ms"};

    @TempDir
    Path dir;

    private String[] args(String... head) {
        return Stream.concat(Stream.of(head), Stream.of(SHORT)).toArray(String[]::new);
    }

    private Path store() {
        return dir.resolve(".benchrun");
    }

    private JsonNode run(String id) throws Exception {
        return Json.MAPPER.readTree(
                store().resolve("runs").resolve(id).resolve("run.json").toFile());
    }

    private static String storedRunId(Benchrun.Result result) {
        return result.out()
                .lines()
                .filter(l -> l.startsWith("Stored run "))
                .findFirst()
                .map(l -> l.split(" ")[2])
                .orElseThrow(() -> new AssertionError("no run stored: " + result.out()));
    }

    /** The frame column of the first row under a heading such as "Top 10 by self share:". */
    private static String firstFrameUnder(String out, String heading) {
        var lines = out.lines().toList();
        int at = lines.indexOf(heading);
        assertThat(at).as("'%s' in%n%s", heading, out).isNotNegative();
        String[] cells = lines.get(at + 2).trim().split("\\s{2,}");
        return cells[cells.length - 1];
    }

    @Test
    void cpuProfileStoresFlameGraphsAndPutsTheBenchmarksCodeFirst() throws Exception {
        var result = Benchrun.run(dir, args("profile", "TinyBench.hashWork$", "--jar", Benchrun.FIXTURES.toString()));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(firstFrameUnder(result.out(), "Top 10 by self share:"))
                .isEqualTo("org.example.fixtures.TinyBench.hashRounds");
        assertThat(firstFrameUnder(result.out(), "Top 10 by total share:"))
                .isIn("org.example.fixtures.TinyBench.hashWork", "org.example.fixtures.TinyBench.hashRounds");
        assertThat(result.out()).doesNotContain("jmhTest", "org.openjdk.jmh", "Thread.run");

        String id = storedRunId(result);
        JsonNode run = run(id);
        JsonNode profiles = run.at("/benchmarks/0/profiles");
        var kinds = new ArrayList<String>();
        for (JsonNode artefact : profiles) {
            kinds.add(artefact.get("kind").asText());
            Path file = store().resolve("runs")
                    .resolve(id)
                    .resolve(artefact.get("path").asText());
            assertThat(file).isRegularFile();
            assertThat(Files.size(file)).isPositive();
            assertThat(artefact.get("path").asText())
                    .startsWith("profiles/org.example.fixtures.TinyBench.hashWork-AverageTime-extra--1-n-256/");
        }
        assertThat(kinds).containsExactly("flamegraph", "flamegraph-reverse", "collapsed");
        String event = profiles.get(0).get("event").asText();
        assertThat(event).isIn("cpu", "ctimer", "itimer");
        assertThat(run.at("/settings/profilers").toString()).contains("async:event=" + event);
        String flameGraph = Files.readString(store().resolve("runs")
                .resolve(id)
                .resolve(profiles.get(0).get("path").asText()));
        assertThat(flameGraph).contains("<canvas");
        assertThat(FlameGraphFrames.of(flameGraph)).contains("org/example/fixtures/TinyBench.hashRounds");
        try (var libraries = Files.walk(store().resolve("cache/async-profiler"))) {
            assertThat(libraries
                            .filter(p -> p.getFileName().toString().equals("libasyncProfiler.so"))
                            .toList())
                    .hasSize(1);
        }
    }

    @Test
    void allocationProfileNamesTheAllocationSite() throws Exception {
        var result = Benchrun.run(
                dir, args("profile", "TinyBench.allocate$", "--event", "alloc", "--jar", Benchrun.FIXTURES.toString()));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("  alloc, ");
        assertThat(firstFrameUnder(result.out(), "Top 10 by self share:"))
                .isEqualTo("org.example.fixtures.TinyBench.allocate");
        JsonNode run = run(storedRunId(result));
        assertThat(run.at("/benchmarks/0/profiles/2/path").asText()).endsWith("/collapsed-alloc.csv");
    }

    @Test
    void anInjectedSlowdownTopsTheGrownFramesAndGetsADiffFlameGraph() throws Exception {
        String fixtures = Benchrun.FIXTURES.toString();
        var before = Benchrun.run(dir, args("profile", "SlowPathBench.work", "--jar", fixtures));
        assertThat(before.exit()).as(before.err()).isZero();
        // A profile run is never 'latest': it is named.
        assertThat(Benchrun.run(dir, "save-baseline", "main", "--run", storedRunId(before))
                        .exit())
                .isZero();

        var after = Benchrun.run(
                dir,
                args(
                        "profile",
                        "SlowPathBench.work",
                        "--jar",
                        fixtures,
                        "--jvm-args",
                        "-Dfixture.slowdown=3",
                        "--against",
                        "main"));

        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(firstFrameUnder(after.out(), "Against baseline 'main', grown (total share, percentage points):"))
                .isEqualTo("org.example.fixtures.SlowPathBench.checksum");
        assertThat(firstFrameUnder(after.out(), "Against baseline 'main', shrunk:"))
                .isEqualTo("org.example.fixtures.SlowPathBench.parse");
        String id = storedRunId(after);
        JsonNode diff = null;
        for (JsonNode artefact : run(id).at("/benchmarks/0/profiles")) {
            if (artefact.get("kind").asText().equals("diff-flamegraph")) {
                diff = artefact;
            }
        }
        assertThat(diff).as("a diff-flamegraph artefact in run.json").isNotNull();
        String html = Files.readString(
                store().resolve("runs").resolve(id).resolve(diff.get("path").asText()));
        assertThat(html)
                .contains("<svg", "against baseline &#39;main&#39;", "org.example.fixtures.SlowPathBench.checksum");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anUnsupportedPlatformIsOneLineAndExitCode3BeforeAnythingRuns() {
        // Java's own process code refuses an unknown os.name, so only the architecture is faked.
        var result = Benchrun.run(
                dir,
                List.of("-Dos.arch=riscv64"),
                args("profile", "TinyBench.sum$", "--jar", Benchrun.FIXTURES.toString()));

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.errLines())
                .containsExactly("benchrun: cannot profile on Linux/riscv64: async-profiler "
                        + "runs on Linux x64, Linux arm64 and macOS; use 'benchrun run' here");
        assertThat(store().resolve("runs")).doesNotExist();
    }

    @Test
    void badInputIsExitCode2AndRunsNothing() {
        String fixtures = Benchrun.FIXTURES.toString();
        var unknownBaseline =
                Benchrun.run(dir, args("profile", "TinyBench.sum$", "--jar", fixtures, "--against", "nonesuch"));
        assertThat(unknownBaseline.exit()).isEqualTo(2);
        assertThat(unknownBaseline.errLines()).hasSize(1).allMatch(l -> l.startsWith("benchrun: --against nonesuch: "));

        var badEvent = Benchrun.run(dir, "profile", "TinyBench.sum$", "--jar", fixtures, "--event", "cycles");
        assertThat(badEvent.exit()).isEqualTo(2);
        assertThat(badEvent.errLines().get(0))
                .contains("unknown event 'cycles'", "cpu, ctimer, itimer, wall, alloc, lock");

        var noMatch = Benchrun.run(dir, "profile", "nonesuch", "--jar", fixtures);
        assertThat(noMatch.exit()).isEqualTo(2);
        assertThat(noMatch.errLines()).hasSize(1);
        assertThat(store().resolve("runs")).doesNotExist();
    }
}
