package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.profiler.ProfileEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profile} in process: JMH faked, writing collapsed stacks where async-profiler would
 * ({@code sum} 600 samples in itself, 300 in {@code add}, more with a slowdown, 100 in
 * {@code parse}; 100 in JMH's loop and 50 in a JIT thread that do not count).
 */
class ProfileCommandTest {

    private static final String[] SETTINGS = {
        "--jar", "fixtures.jar", "-wi", "1", "-w", "100ms", "-i", "2", "-r", "100ms"
    };
    private static final String DIR = "profiles/org.example.fixtures.TinyBench.sum-AverageTime-extra--1-n-256/";

    @TempDir
    Path dir;

    /** One fork, unless {@code args} say otherwise. */
    private static InProcess.Result profile(InProcess benchrun, String... args) {
        var forks = List.of(args).contains("-f") ? Stream.<String>empty() : Stream.of("-f", "1");
        return benchrun.run(
                Stream.of(Stream.of("profile", "TinyBench.sum$"), Stream.of(SETTINGS), forks, Stream.of(args))
                        .flatMap(s -> s)
                        .toArray(String[]::new));
    }

    @Test
    void storesFlameGraphsAndCollapsedStacksAndPrintsTheHotspots() throws Exception {
        var benchrun = new InProcess(dir);
        var result = profile(benchrun);

        assertThat(result.exit()).as(result.err()).isZero();
        String id = result.storedRunId();
        Path runDir = benchrun.runDir(id);
        assertThat(result.outLines())
                .containsExactly(
                        "Benchmark            Category       Mode  Score     Error  Units  p99  B/op  Budget",
                        "sum[extra=-1,n=256]  uncategorised  avgt  0.096  ± 0.0019  us/op          0",
                        "",
                        "sum[extra=-1,n=256]  cpu, 1100 samples in the benchmark's threads (95.7% of 1150)",
                        "Top 10 by self share:",
                        "   Self  Total  Frame",
                        "  54.5%  90.9%  org.example.fixtures.TinyBench.sum",
                        "  27.3%  27.3%  org.example.fixtures.TinyBench.add",
                        "   9.1%   9.1%  org.example.fixtures.TinyBench.parse",
                        "Top 10 by total share:",
                        "   Self  Total  Frame",
                        "  54.5%  90.9%  org.example.fixtures.TinyBench.sum",
                        "  27.3%  27.3%  org.example.fixtures.TinyBench.add",
                        "   9.1%   9.1%  org.example.fixtures.TinyBench.parse",
                        "Flame graph:      " + runDir.resolve(DIR + "flame-cpu-forward.html"),
                        "Collapsed stacks: " + runDir.resolve(DIR + "collapsed-cpu.csv"),
                        "Stored run " + id + " in " + runDir);
        assertThat(result.errLines()).first().isEqualTo("Profiling 1 benchmark with event cpu; estimated 1s");

        var launch = benchrun.jmh.launches().get(0);
        assertThat(launch.profilers()).hasSize(2).contains("gc:");
        assertThat(launch.profilers().get(1))
                .startsWith("async:libPath=" + benchrun.store().resolve("cache/async-profiler"))
                .contains(";output=flamegraph,collapsed;dir=")
                .endsWith("/profiles;event=cpu;interval=1000000");
        var run = benchrun.storedRun(id);
        assertThat(kinds(run)).containsExactly("flamegraph", "flamegraph-reverse", "collapsed");
        assertThat(run.at("/benchmarks/0/profiles/2/path").asText()).isEqualTo(DIR + "collapsed-cpu.csv");
        assertThat(run.at("/settings/profilers").toString()).isEqualTo("[\"gc\",\"async:event=cpu\"]");
        assertThat(run.at("/label").asText()).isEqualTo("profile --event cpu");
        assertThat(run.at("/kind").asText()).isEqualTo("profile");
        String title = "sum[extra=-1,n=256]: cpu profile of run " + id + ", "
                + run.at("/started").asText().substring(0, 16).replace('T', ' ') + " UTC";
        assertThat(Files.readString(runDir.resolve(DIR + "flame-cpu-forward.html")))
                .contains("<title>" + title + "</title>", "<h1>" + title + "</h1>");
        assertThat(Files.readString(runDir.resolve(DIR + "flame-cpu-reverse.html")))
                .contains("<title>" + title
                        + " (reverse: the sampled methods at the root, their callers outward)</title>");
    }

    @Test
    void againstABaselineTheFramesThatGrewAndShrankAreShownWithADiffFlameGraph() throws Exception {
        var benchrun = new InProcess(dir);
        String before = profile(benchrun).storedRunId();
        assertThat(benchrun.run("save-baseline", "main", "--run", before).exit())
                .isZero();

        var result = profile(benchrun, "--against", "main", "--jvm-args", "-Dfixture.slowdown=100");

        assertThat(result.exit()).as(result.err()).isZero();
        var lines = result.outLines();
        int grown = lines.indexOf("Against baseline 'main', grown (total share, percentage points):");
        assertThat(lines.subList(grown, grown + 7))
                .containsExactly(
                        "Against baseline 'main', grown (total share, percentage points):",
                        "     Change  Before  After  Self change  Frame",
                        "  +15.6 pts   27.3%  42.9%    +15.6 pts  org.example.fixtures.TinyBench.add",
                        "   +1.9 pts   90.9%  92.9%    -11.7 pts  org.example.fixtures.TinyBench.sum",
                        "Against baseline 'main', shrunk:",
                        "    Change  Before  After  Self change  Frame",
                        "  -1.9 pts    9.1%   7.1%     -1.9 pts  org.example.fixtures.TinyBench.parse");
        String id = result.storedRunId();
        assertThat(lines).contains("Diff flame graph: " + benchrun.runDir(id).resolve(DIR + "diff-cpu.html"));
        var run = benchrun.storedRun(id);
        assertThat(kinds(run)).containsExactly("flamegraph", "flamegraph-reverse", "collapsed", "diff-flamegraph");
        assertThat(Files.readString(benchrun.runDir(id).resolve(DIR + "diff-cpu.html")))
                .contains(
                        "<title>sum[extra=-1,n=256]: cpu profile of run " + id + " against baseline &#39;main&#39;, ",
                        "org.example.fixtures.TinyBench.add");
    }

    @Test
    void whereCpuCannotBeSampledAnotherCpuTimeEngineIsUsedAndSaid() throws Exception {
        var benchrun =
                new InProcess(dir, library -> event -> event == ProfileEvent.CPU ? "No access to perf events." : null);
        var result = profile(benchrun, "-f", "2");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.errLines())
                .startsWith(
                        "Profiling 1 benchmark with event ctimer; estimated 2s",
                        "Note: event cpu is unavailable here (No access to perf events); sampling CPU time with ctimer instead,"
                                + " without kernel frames",
                        "Note: each of the 2 forks writes the same profile files; the stored profile is the last fork's"
                                + " (-f 1 profiles one fork in less time)");
        assertThat(benchrun.jmh.launches().get(0).profilers().get(1)).contains(";event=ctimer;");
        assertThat(result.outLines())
                .contains("sum[extra=-1,n=256]  ctimer, 1100 samples in the benchmark's threads (95.7% of 1150)");
    }

    @Test
    void badInputIsExitCode2AndRunsNothing() throws Exception {
        var benchrun = new InProcess(dir);
        var against = profile(benchrun, "--against", "nonesuch");
        assertThat(against.exit()).isEqualTo(2);
        assertThat(against.errLines())
                .containsExactly("benchrun: --against nonesuch: no baseline or run of that name in " + "store "
                        + benchrun.store() + "; see 'benchrun list baselines' and 'benchrun list runs'");

        var event = profile(benchrun, "--event", "cycles");
        assertThat(event.exit()).isEqualTo(2);
        assertThat(event.errLines())
                .containsExactly(
                        "benchrun: Invalid value for option '--event': unknown event "
                                + "'cycles': use one of cpu, ctimer, itimer, wall, alloc, lock",
                        "Try 'benchrun profile --help'.");

        var top = profile(benchrun, "--top", "0");
        assertThat(top.exit()).isEqualTo(2);
        assertThat(top.errLines()).containsExactly("benchrun: --top 0: show at least 1 frame");

        assertThat(benchrun.jmh.launches()).isEmpty();
        assertThat(benchrun.runIds()).isEmpty();
    }

    private static List<String> kinds(JsonNode run) {
        var kinds = new ArrayList<String>();
        run.at("/benchmarks/0/profiles").forEach(a -> kinds.add(a.get("kind").asText()));
        return kinds;
    }
}
