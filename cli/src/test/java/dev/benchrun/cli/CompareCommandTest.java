package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchrun.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} in process, over runs made with JMH faked: baseline {@code main}, the same code
 * again ({@code same}), and a run with every operation 30% slower ({@code slower}). The runs are
 * named by id: made within a second, their order in the store is not their order in time.
 */
class CompareCommandTest {

    private static final String[] SETTINGS = {
        "--jar", "fixtures.jar", "-f", "3", "-wi", "1", "-w", "100ms", "-i", "5", "-r", "100ms"
    };

    @TempDir
    Path dir;

    private InProcess benchrun;
    private String main;
    private String same;
    private String slower;

    private String run(String... args) {
        var result = benchrun.run(Stream.concat(Stream.concat(Stream.of("run"), Stream.of(SETTINGS)), Stream.of(args))
                .toArray(String[]::new));
        assertThat(result.exit()).as(result.err()).isZero();
        return result.storedRunId();
    }

    @BeforeEach
    void storeRuns() throws Exception {
        benchrun = new InProcess(dir);
        Files.writeString(dir.resolve("benchrun.yaml"), "benchmarks: [ { match: 'sum.*', category: datapath } ]\n");
        main = run("--filter", "sum");
        assertThat(benchrun.run("save-baseline", "main").exit()).isZero();
        same = run("--filter", "sum");
        slower = run("--filter", "sum", "--jvm-args", "-Dfixture.slowdown=30");
    }

    @Test
    void aRegressionFailsTheGateAndTheSameCodeDoesNot() {
        var regressed = benchrun.run("compare", "main", slower);
        assertThat(regressed.exit()).as(regressed.err()).isEqualTo(1);
        assertThat(regressed.outLines())
                .startsWith(
                        "Baseline:  main (run " + main + "), Java " + System.getProperty("java.version"),
                        "Candidate: " + slower + ", Java " + System.getProperty("java.version"));
        assertThat(regressed.outLines())
                .filteredOn(l -> l.contains("  REGRESSION"))
                .hasSize(2)
                .allMatch(l -> l.contains("+30.0% [+28.0%, +32.0%]  <0.001  REGRESSION"));
        assertThat(regressed.outLines())
                .contains("2 compared: 2 regressions, 0 warnings, 0 slower, 0 improvements, 0 unchanged.");

        var unchanged = benchrun.run("compare", "main", same);
        assertThat(unchanged.exit()).as(unchanged.err()).isZero();
        assertThat(unchanged.outLines())
                .contains("2 compared: 0 regressions, 0 warnings, 0 slower, 0 improvements, 2 unchanged.");

        assertThat(benchrun.run("compare", "main", slower, "--fail-on", "never").exit())
                .isZero();
        assertThat(benchrun.run("compare", same, slower, "--fail-on", "warning").exit())
                .isEqualTo(1);
    }

    @Test
    void withStrictABenchmarkMissingFromTheCandidateFailsTheGate() {
        String sumOnly = run("--filter", "sum$");
        var lenient = benchrun.run("compare", "main", sumOnly);
        assertThat(lenient.exit()).as(lenient.out() + lenient.err()).isZero();
        assertThat(lenient.outLines())
                .contains("1 compared: 0 regressions, 0 warnings, 0 slower, 0 improvements, 1 unchanged.");
        assertThat(benchrun.run("compare", "main", sumOnly, "--strict").exit()).isEqualTo(1);
    }

    /** A raw JMH result file of one benchmark, {@code state}, with this score unit. */
    private Path jmhFile(String name, String unit) throws Exception {
        var file = dir.resolve(name);
        Files.writeString(file, """
                [ { "jmhVersion" : "1.37", "benchmark" : "org.example.fixtures.TinyBench.state", "mode" : "ss",
                    "threads" : 1, "forks" : 2, "jvm" : "java", "jvmArgs" : [ ], "jdkVersion" : "17.0.15",
                    "warmupIterations" : 0, "measurementIterations" : 3, "params" : { },
                    "primaryMetric" : { "score" : 3000.0, "scoreError" : 1.0, "scoreUnit" : "%s",
                      "rawData" : [ [ 3000.0, 3001.0, 2999.0 ], [ 3000.0, 3002.0, 2998.0 ] ] },
                    "secondaryMetrics" : { } } ]
                """.formatted(unit));
        return file;
    }

    @Test
    void aBenchmarkWhoseUnitsDoNotConvertIsNotComparedAndWithStrictFailsTheGate() throws Exception {
        var bytes = jmhFile("bytes.json", "B/op").toString();
        var time = jmhFile("time.json", "ns/op").toString();

        var lenient = benchrun.run("compare", bytes, time);
        assertThat(lenient.exit()).as(lenient.out() + lenient.err()).isZero();
        assertThat(lenient.outLines())
                .contains(
                        "0 compared: 0 regressions, 0 warnings, 0 slower, 0 improvements, 0 unchanged; 1 not compared.",
                        "Not compared (their units do not convert): state")
                .filteredOn(l -> l.startsWith("  state "))
                .singleElement()
                .asString()
                .contains("not compared  units differ (B/op vs ns/op)");

        var strict = benchrun.run("compare", bytes, time, "--strict");
        assertThat(strict.exit()).as(strict.out() + strict.err()).isEqualTo(1);

        var json = benchrun.run("compare", bytes, time, "--format", "json");
        assertThat(json.out()).contains("\"verdict\" : \"NOT_COMPARED\"").doesNotContain("NO_CHANGE");

        var unknown =
                benchrun.run("compare", jmhFile("widgets.json", "widgets/op").toString(), time);
        assertThat(unknown.outLines()).contains("Not compared (their units do not convert): state");
        var sameUnknown = benchrun.run(
                "compare",
                jmhFile("widgets.json", "widgets/op").toString(),
                jmhFile("widgets2.json", "widgets/op").toString());
        assertThat(sameUnknown.outLines())
                .as("an unknown unit spelt the same on both sides is taken as it is")
                .contains("1 compared: 0 regressions, 0 warnings, 0 slower, 0 improvements, 1 unchanged.");
    }

    /**
     * Stores a copy of a run, changed by {@code edit}, under an id later than any run made now, so
     * that it is the newest in the store.
     */
    private String storeNewest(String id, Consumer<ObjectNode> edit) throws Exception {
        var run = (ObjectNode) benchrun.storedRun(id);
        String newest = "2999123" + newestRuns++ + "T000000Z-0000";
        run.put("id", newest);
        edit.accept(run);
        Files.createDirectories(benchrun.runDir(newest));
        Files.writeString(benchrun.runDir(newest).resolve("run.json"), Json.write(run));
        return newest;
    }

    private int newestRuns = 1;

    private static String candidateRun(InProcess.Result compare) {
        var line = compare.outLines().get(1);
        assertThat(line).startsWith("Candidate: latest (run ");
        return line.substring("Candidate: latest (run ".length(), line.indexOf(')'));
    }

    @Test
    void aProfileRunIsNeverTheImplicitCandidateButCanBeNamed() throws Exception {
        var profiled = benchrun.run(
                "profile",
                "sum",
                "--jar",
                "fixtures.jar",
                "-f",
                "1",
                "-wi",
                "1",
                "-w",
                "100ms",
                "-i",
                "2",
                "-r",
                "100ms");
        assertThat(profiled.exit()).as(profiled.err()).isZero();
        String profile = storeNewest(profiled.storedRunId(), run -> {});

        var implicit = benchrun.run("compare", "main");
        assertThat(candidateRun(implicit)).isIn(main, same, slower);
        assertThat(implicit.out()).doesNotContain("profile run");

        var named = benchrun.run("compare", "main", profile, "--fail-on", "never");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.outLines())
                .contains("Warning: the candidate run " + profile
                        + " is a profile run: its numbers carry the profiler's overhead");

        assertThat(benchrun.run("save-baseline", "next").exit()).isZero();
        assertThat(benchrun.storedRun(main).get("kind").asText()).isEqualTo("run");
        assertThat(Json.MAPPER
                        .readTree(
                                benchrun.store().resolve("baselines/next.json").toFile())
                        .at("/runs/0/id")
                        .asText())
                .isIn(main, same, slower);
        assertThat(benchrun.run("list", "runs").outLines())
                .filteredOn(l -> l.startsWith(profile))
                .singleElement()
                .asString()
                .contains("  profile  ");
    }

    @Test
    void anInterruptedCandidateIsSaidAndOneWithNoResultsIsNeverLatest() throws Exception {
        String partial = storeNewest(same, run -> run.put("interrupted", true));
        var compare = benchrun.run("compare", "main");
        assertThat(compare.exit()).as(compare.err()).isZero();
        assertThat(candidateRun(compare)).isEqualTo(partial);
        assertThat(compare.outLines())
                .contains("Warning: the candidate run " + partial
                        + " was interrupted: it holds only the benchmarks that had finished");

        String empty = storeNewest(same, run -> run.put("interrupted", true).putArray("benchmarks"));
        assertThat(candidateRun(benchrun.run("compare", "main"))).isEqualTo(partial);
        assertThat(benchrun.run("list", "runs").outLines())
                .filteredOn(l -> l.startsWith(empty))
                .singleElement()
                .asString()
                .contains("  run, interrupted  ");
        var named = benchrun.run("compare", "main", empty);
        assertThat(named.outLines())
                .contains("Warning: the candidate run " + empty
                        + " was interrupted: it holds only the benchmarks that had finished");
    }

    @Test
    void badInputIsExitCode2() {
        int launches = benchrun.jmh.launches().size();
        var unknown = benchrun.run("compare", "nonesuch");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.errLines())
                .containsExactly("benchrun: 'nonesuch' is not a baseline, a run id or a file in store "
                        + benchrun.store() + ": see 'benchrun list baselines' and 'benchrun list runs'");

        var failOn = benchrun.run("compare", "main", slower, "--fail-on", "sometimes");
        assertThat(failOn.exit()).isEqualTo(2);
        assertThat(failOn.errLines())
                .containsExactly(
                        "benchrun: Invalid value for option '--fail-on': unknown value 'sometimes': use one of regression, "
                                + "warning, inconclusive, never",
                        "Try 'benchrun compare --help'.");

        var event = benchrun.run("compare", "main", slower, "--profile-regressions", "--profile-event", "cycles");
        assertThat(event.exit()).isEqualTo(2);
        assertThat(event.errLines())
                .first()
                .isEqualTo("benchrun: Invalid value for option '--profile-event': "
                        + "unknown event 'cycles': use one of cpu, ctimer, itimer, wall, alloc, lock");

        var jar = benchrun.run("compare", "main", slower, "--profile-regressions", "--baseline-jar", "missing.jar");
        assertThat(jar.exit()).isEqualTo(2);
        assertThat(jar.errLines())
                .containsExactly("benchrun: --baseline-jar " + dir.resolve("missing.jar") + ": file not found");
        assertThat(benchrun.jmh.launches()).as("nothing profiled").hasSize(launches);
    }

    @Test
    void profileRegressionsProfilesBothSidesOfEachRegressionAndNamesTheFramesThatGrew() throws Exception {
        int before = benchrun.jmh.launches().size();
        var result = benchrun.run("compare", "main", slower, "--profile-regressions", "--baseline-jar", "fixtures.jar");

        assertThat(result.exit()).as(result.err()).isEqualTo(1);
        var lines = result.outLines();
        int sum = indexOf(lines, "  sum[extra=-1,n=256]");
        assertThat(lines.get(sum)).contains("REGRESSION  1 baseline run: session drift unseen; profile in run ");
        assertThat(lines.subList(sum + 1, sum + 3))
                .containsExactly(
                        "    1. org.example.fixtures.TinyBench.add — 32.8% of time (+5.5 pp)",
                        "    2. org.example.fixtures.TinyBench.sum — 91.6% of time (+0.7 pp)");
        assertThat(result.err())
                .as("regressions are profiled on the way, not announced")
                .doesNotContain("Profiling");

        var profiles =
                benchrun.jmh.launches().subList(before, benchrun.jmh.launches().size());
        assertThat(profiles).hasSize(4).allSatisfy(launch -> {
            assertThat(launch.forks()).as("one fork of exactly that benchmark").isEqualTo(1);
            assertThat(launch.profilers())
                    .singleElement()
                    .asString()
                    .startsWith("async:")
                    .contains(";event=cpu;");
        });
        assertThat(profiles)
                .extracting(launch -> launch.jvmArgs())
                .as("each side with its own JVM arguments")
                .containsExactly(
                        List.of(), List.of("-Dfixture.slowdown=30"), List.of(), List.of("-Dfixture.slowdown=30"));
        String candidateProfile = lines.get(sum)
                .substring(lines.get(sum).indexOf("profile in run ") + 15)
                .trim();
        var run = benchrun.storedRun(candidateProfile);
        assertThat(run.get("label").asText()).isEqualTo("profile of regression sum[extra=-1,n=256]");
        assertThat(run.at("/benchmarks/0/profiles/3/kind").asText()).isEqualTo("diff-flamegraph");
        assertThat(benchrun.runDir(candidateProfile)
                        .resolve(run.at("/benchmarks/0/profiles/3/path").asText()))
                .isRegularFile();
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in\n" + String.join("\n", lines));
    }
}
