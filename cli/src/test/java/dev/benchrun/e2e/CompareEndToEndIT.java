package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.json.Json;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/** compare on the real jar: A/A, an injected slowdown, throughput, and plain JMH files. */
class CompareEndToEndIT {

    private static final List<String> SETTINGS =
            List.of("-f", "2", "-wi", "2", "-w", "100ms", "-i", "5", "-r", "100ms");

    /**
     * These tests check the path from runs to verdicts, gates and formats, not how small a change
     * benchrun can see (docs/accuracy.md measures that): the injected slowdowns double the cost and
     * the gate fails only above 50%, so drift between two JVM sessions of a tiny benchmark on a busy
     * machine cannot decide a verdict.
     */
    private static final List<String> WIDE_GATE = List.of("--threshold", "default=25%,50%");

    @TempDir
    Path dir;

    private Benchrun.Result compare(String... extra) {
        var args = new ArrayList<>(List.of("compare", "main"));
        args.addAll(WIDE_GATE);
        args.addAll(List.of(extra));
        return Benchrun.run(dir, args.toArray(String[]::new));
    }

    private Benchrun.Result run(String filter, String... extra) {
        var args = new ArrayList<>(List.of("run", "--jar", Benchrun.FIXTURES.toString(), "--filter", filter));
        args.addAll(SETTINGS);
        args.addAll(List.of(extra));
        var result = Benchrun.run(dir, args.toArray(String[]::new));
        assertThat(result.exit()).as(result.err()).isZero();
        return result;
    }

    @Test
    void sameCodeOnBothSidesIsNotARegression() {
        run("hashWork|sum$");
        assertThat(Benchrun.run(dir, "save-baseline", "main").exit()).isZero();
        run("hashWork|sum$");

        var result = compare();
        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(result.out())
                .contains("hashWork[extra=-1,n=256]", "sum[extra=-1,n=256]", "2 compared: 0 regressions")
                .doesNotContain("REGRESSION");
    }

    @Test
    void aDoubledCostIsTheOnlyRegressionAndFailsTheGate() throws Exception {
        run("hashWork|sum$");
        assertThat(Benchrun.run(dir, "save-baseline", "main").exit()).isZero();
        run("hashWork|sum$", "--jvm-args", "-Dfixture.slowdown=100");

        var table = compare();
        assertThat(table.exit()).as(table.out() + table.err()).isEqualTo(1);
        assertThat(table.rows().filter(l -> l.contains("REGRESSION")).toList())
                .singleElement()
                .satisfies(l -> assertThat(l).contains("hashWork"));

        var junit = compare("--format", "junit", "-o", "compare.xml");
        assertThat(junit.exit()).isEqualTo(1);
        var xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(dir.resolve("compare.xml")))));
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(2);
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(((org.w3c.dom.Element)
                                xml.getElementsByTagName("failure").item(0).getParentNode())
                        .getAttribute("name"))
                .startsWith("hashWork");

        var json = compare("--format", "json");
        JsonNode comparison = Json.MAPPER.readTree(json.out());
        assertThat(comparison.get("schemaVersion").asInt()).isEqualTo(1);
        var hashWork = comparison.get("benchmarks").get(0).get("id").asText().equals("hashWork")
                ? comparison.get("benchmarks").get(0)
                : comparison.get("benchmarks").get(1);
        assertThat(hashWork.at("/change/estimate").asDouble()).isGreaterThan(0.5);
        assertThat(hashWork.get("verdict").asText()).isEqualTo("REGRESSION");

        assertThat(compare("--fail-on", "never").exit()).isZero();
    }

    @Test
    void slowerThroughputIsARegressionNotAnImprovement() {
        run("sumThroughput");
        assertThat(Benchrun.run(dir, "save-baseline", "main").exit()).isZero();
        run("sumThroughput", "--jvm-args", "-Dfixture.slowdown=100");

        var result = compare();
        assertThat(result.exit()).as(result.out()).isEqualTo(1);
        assertThat(result.rows().filter(l -> l.contains("sumThroughput")).toList())
                .singleElement()
                .satisfies(l -> assertThat(l).contains("ops/s", "REGRESSION").doesNotContain("improvement"));
    }

    @Test
    void plainJmhJsonFilesCompareWithEachOtherAndWithStoredRuns() throws Exception {
        Path first = jmh("first.json");
        Path second = jmh("second.json");
        var files = Benchrun.run(dir, "compare", first.toString(), second.toString());
        assertThat(files.exit()).as(files.out() + files.err()).isIn(0, 1);
        assertThat(files.out()).contains("hashWork[extra=-1,n=256]", "1 compared");

        run("hashWork");
        var mixed = Benchrun.run(dir, "compare", first.toString(), "latest");
        assertThat(mixed.exit()).as(mixed.out() + mixed.err()).isIn(0, 1);
        assertThat(mixed.out())
                .contains("hashWork[extra=-1,n=256]", "1 compared")
                .contains("Warning: different settings");

        Files.writeString(dir.resolve("broken.json"), "[{\"benchmark\": 3}]");
        var broken = Benchrun.run(dir, "compare", "broken.json", first.toString());
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.errLines()).hasSize(1).allMatch(l -> l.contains("broken.json"));
        var unknown = Benchrun.run(dir, "compare", "nonesuch");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.errLines()).hasSize(1).allMatch(l -> l.contains("'nonesuch' is not a baseline"));
    }

    @Test
    void profileRegressionsNamesTheMethodThatGrewFirst() throws Exception {
        run("SlowPathBench");
        assertThat(Benchrun.run(dir, "save-baseline", "main").exit()).isZero();
        run("SlowPathBench", "--jvm-args", "-Dfixture.slowdown=3");

        var result = Benchrun.run(
                dir,
                "compare",
                "main",
                "--profile-regressions",
                "--baseline-jar",
                Benchrun.FIXTURES.toString(),
                "--format",
                "markdown",
                "-o",
                "compare.md");
        assertThat(result.exit()).as(result.err()).isEqualTo(1);
        String markdown = Files.readString(dir.resolve("compare.md"));
        assertThat(markdown).contains("**REGRESSION**");
        assertThat(markdown.lines().filter(l -> l.startsWith("| ↳ 1.")).toList())
                .singleElement()
                .satisfies(l -> assertThat(l).contains("SlowPathBench.checksum"));
        try (var files = Files.walk(dir.resolve(".benchrun/runs"))) {
            assertThat(files.filter(f -> f.getFileName().toString().equals("diff-cpu.html"))
                            .toList())
                    .as("a differential flame graph")
                    .hasSize(1);
        }
    }

    /** JMH run directly, as any JMH-based tool would: {@code java -jar benchmarks.jar -rf json}. */
    private Path jmh(String name) throws Exception {
        Path file = dir.resolve(name);
        Process process = new ProcessBuilder(
                        Benchrun.JAVA.toString(),
                        "-Djmh.ignoreLock=true",
                        "-jar",
                        Benchrun.FIXTURES.toString(),
                        "TinyBench.hashWork",
                        "-f",
                        "2",
                        "-wi",
                        "2",
                        "-w",
                        "100ms",
                        "-i",
                        "5",
                        "-r",
                        "100ms",
                        "-rf",
                        "json",
                        "-rff",
                        file.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        return file;
    }
}
