package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar on the fixture benchmarks: a JMH jar built without any benchrun manifest. */
class RunEndToEndIT {

    private static final String[] SHORT = {"-f", "1", "-wi", "1", "-w", "100ms", "-i", "2", "-r", "100ms"};

    @TempDir
    Path dir;

    private String[] args(String... head) {
        return Stream.concat(Stream.of(head), Stream.of(SHORT)).toArray(String[]::new);
    }

    private JsonNode onlyRun() throws Exception {
        try (var runs = Files.list(dir.resolve(".benchrun/runs"))) {
            var dirs = runs.filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList();
            assertThat(dirs).hasSize(1);
            assertThat(dirs.get(0).resolve("jmh.json")).isRegularFile();
            return Json.MAPPER.readTree(dirs.get(0).resolve("run.json").toFile());
        }
    }

    @Test
    void runsAForeignJarWithCategoriesFromBenchrunYaml() throws Exception {
        Files.writeString(dir.resolve("benchrun.yaml"), """
                benchmarks:
                  - { match: 'sum', category: tiny, budget: "< 1 ms" }
                  - { match: 'sumThroughput', category: tiny, budget: "> 1 ops/s" }
                """);
        var result = Benchrun.run(dir, args("run", "--jar", Benchrun.FIXTURES.toString(), "--category", "tiny"));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .contains(
                        "sum[extra=-1,n=256]",
                        "sumThroughput[extra=-1,n=256]",
                        "tiny",
                        "✓ < 1 ms",
                        "✓ > 1 ops/s",
                        "Stored run ");
        assertThat(result.err()).contains("[1/2]", "[2/2]");
        JsonNode run = onlyRun();
        assertThat(run.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(run.get("benchmarks")).hasSize(2);
        JsonNode sum = run.get("benchmarks").get(0);
        assertThat(sum.get("category").asText()).isEqualTo("tiny");
        assertThat(sum.get("budget").asText()).isEqualTo("< 1 ms");
        assertThat(sum.at("/primary/forks")).hasSize(1);
        assertThat(sum.at("/primary/forks/0")).hasSize(2);
        assertThat(sum.at("/secondary/gc.alloc.rate.norm/unit").asText()).isEqualTo("B/op");
        assertThat(run.at("/environment/jvm/version").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(run.at("/settings/forks").asInt()).isEqualTo(1);
    }

    @Test
    void aThrowingBenchmarkIsNamedAndTheOthersAreStored() throws Exception {
        var result = Benchrun.run(dir, args("run", "--jar", Benchrun.FIXTURES.toString(), "--filter", "explode|sum$"));

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.out())
                .contains("explode: java.lang.IllegalStateException: fixture benchmark failed on purpose");
        assertThat(result.out()).contains("sum[extra=-1,n=256]");
        JsonNode run = onlyRun();
        assertThat(run.get("benchmarks")).hasSize(1);
        assertThat(run.at("/benchmarks/0/id").asText()).isEqualTo("sum");
        assertThat(run.at("/failures/0/id").asText()).isEqualTo("explode");
    }

    @Test
    void dryRunPrintsThePlanAndRunsNothing() {
        var result = Benchrun.run(
                dir,
                "run",
                "--jar",
                Benchrun.FIXTURES.toString(),
                "--filter",
                "sum",
                "--dry-run",
                "--param",
                "n=16,1024");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("Plan: \\d+ benchmarks? \\(4 benchmark runs\\)")
                .contains("n=16,1024", "Estimated wall time");
        assertThat(dir.resolve(".benchrun")).doesNotExist();
    }

    @Test
    void saveBaselineNeverOverwritesSilentlyAndRefusesBadNames() throws Exception {
        assertThat(Benchrun.run(dir, "save-baseline", "main").exit()).isEqualTo(2); // nothing stored yet
        assertThat(Benchrun.run(dir, args("run", "--jar", Benchrun.FIXTURES.toString(), "--filter", "sum$"))
                        .exit())
                .isZero();

        assertThat(Benchrun.run(dir, "save-baseline", "main").exit()).isZero();
        var again = Benchrun.run(dir, "save-baseline", "main");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.errLines())
                .containsExactly("benchrun: baseline 'main' exists ("
                        + dir.resolve(".benchrun/baselines/main.json").toRealPath()
                        + "); add --force to replace it, or --append to add the run to it");
        assertThat(Benchrun.run(dir, "save-baseline", "main", "--force").exit()).isZero();

        var traversal = Benchrun.run(dir, "save-baseline", "../x");
        assertThat(traversal.exit()).isEqualTo(2);
        assertThat(traversal.errLines())
                .hasSize(1)
                .allMatch(l -> l.startsWith("benchrun: invalid baseline name '../x'"));
        assertThat(dir.resolve(".benchrun/x.json")).doesNotExist();
        assertThat(Benchrun.run(dir, "save-baseline", "a b").exit()).isEqualTo(2);
        assertThat(Benchrun.run(dir, "save-baseline", "").exit()).isEqualTo(2);
        assertThat(Benchrun.run(dir, "list", "baselines").out()).contains("main");
    }

    @Test
    void aWriterKilledMidSaveLeavesTheOldBaselineIntact() throws Exception {
        Path baseline = dir.resolve("baselines/main.json");
        Files.createDirectories(baseline.getParent());
        Files.writeString(baseline, "{\"the\": \"old baseline\"}\n");
        Process writer = new ProcessBuilder(
                        Benchrun.JAVA.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HalfWriter.class.getName(),
                        baseline.toString())
                .redirectErrorStream(true)
                .start();
        var reader = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).isEqualTo("HALF");

        writer.destroyForcibly();
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.readString(baseline)).isEqualTo("{\"the\": \"old baseline\"}\n");
        try (var files = Files.list(baseline.getParent())) {
            assertThat(files.filter(p -> !p.getFileName().toString().startsWith("."))
                            .toList())
                    .containsExactly(baseline);
        }
    }

    @Test
    void badInputIsOneLineAndExitCode2() throws Exception {
        String fixtures = Benchrun.FIXTURES.toString();
        List<String[]> cases = List.of(
                new String[] {"run", "--jar", fixtures, "--profile", "nonesuch"},
                new String[] {"run", "--jar", fixtures, "--forks", "0", "--filter", "sum$"},
                new String[] {"run", "--jar", fixtures, "--param", "bogus=1"},
                new String[] {"run", "--jar", "missing.jar"},
                new String[] {"run", "--jar", fixtures, "--filter", "("},
                new String[] {"run", "--jar", fixtures, "--category", "nonesuch"},
                new String[] {"run", "--jar", fixtures, "--jvm", "/no/such/java"},
                new String[] {"run", "--jar", fixtures, "-w", "fast"},
                new String[] {"save-baseline", "main", "--run", "20990101T000000Z-ffff"});
        for (String[] args : cases) {
            var result = Benchrun.run(dir, args);
            assertThat(result.exit())
                    .as(String.join(" ", args) + ": " + result.err())
                    .isEqualTo(2);
            assertThat(result.errLines())
                    .as(String.join(" ", args))
                    .hasSize(1)
                    .allMatch(l -> l.startsWith("benchrun: ") && !l.contains("Exception"));
        }
        var usage = Benchrun.run(dir, "run", "--no-such-option");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.errLines())
                .containsExactly("benchrun: Unknown option: '--no-such-option'", "Try 'benchrun run --help'.");

        Files.writeString(dir.resolve("benchrun.yaml"), "benchmarks: [ { match: '(' } ]\n");
        var yaml = Benchrun.run(dir, "list", "--jar", fixtures);
        assertThat(yaml.exit()).isEqualTo(2);
        assertThat(yaml.errLines()).hasSize(1).allMatch(l -> l.contains("benchrun.yaml") && l.contains("regex"));
    }

    @Test
    void aNewerRunFileIsRefusedWithoutLosingAnything() throws Exception {
        Path runDir = dir.resolve(".benchrun/runs/20261123T061500Z-3fa2");
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("run.json"), "{\"schemaVersion\": 7, \"id\": \"20261123T061500Z-3fa2\"}");
        var result = Benchrun.run(dir, "save-baseline", "main");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1).allMatch(l -> l.contains("schemaVersion 7"));
        assertThat(runDir.resolve("run.json")).isRegularFile();
    }

    @Test
    void ctrlCStopsTheForksKeepsWhatFinishedAndExits130() throws Exception {
        var builder = Benchrun.builder(
                dir,
                "run",
                "--jar",
                Benchrun.FIXTURES.toString(),
                "--filter",
                "hashWork|sum$",
                "-f",
                "1",
                "-wi",
                "0",
                "-i",
                "40",
                "-r",
                "200ms");
        builder.redirectOutput(dir.resolve("out.txt").toFile());
        Process process = builder.start();
        var err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = err.readLine()) != null && !line.contains("[1/2] hashWork")) {
            // wait for the first benchmark to finish
        }
        assertThat(line).as("the first benchmark finished").isNotNull();
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid()))
                .start()
                .waitFor();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(130);
        JsonNode run = onlyRun();
        assertThat(run.get("interrupted").asBoolean()).isTrue();
        assertThat(run.get("benchmarks")).hasSize(1);
        assertThat(run.at("/benchmarks/0/id").asText()).isEqualTo("hashWork");
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains("org.openjdk.jmh.runner.ForkedMain")
                                && p.info().commandLine().orElse("").contains(dir.toString())))
                .as("no forked JVM left behind")
                .isEmpty();
    }
}
