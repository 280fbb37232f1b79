package dev.benchrun.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.model.BenchmarkProfile;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Hotspot;
import dev.benchrun.model.HotspotDiff;
import dev.benchrun.model.Hotspots;
import dev.benchrun.model.Metric;
import dev.benchrun.model.ProfileArtefact;
import dev.benchrun.model.ProfileDiff;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HotspotReportTest {

    private static final String DIR = "profiles/org.example.Bench.work-AverageTime";

    private static BenchmarkResult result() {
        return new BenchmarkResult(
                "work",
                "org.example.Bench.work",
                Map.of(),
                "avgt",
                1,
                null,
                null,
                null,
                new Metric(1, null, "us/op", List.of(), Map.of()),
                Map.of(),
                List.of(
                        new ProfileArtefact("cpu", "flamegraph", DIR + "/flame-cpu-forward.html"),
                        new ProfileArtefact("cpu", "flamegraph-reverse", DIR + "/flame-cpu-reverse.html"),
                        new ProfileArtefact("cpu", "collapsed", DIR + "/collapsed-cpu.csv"),
                        new ProfileArtefact("cpu", "diff-flamegraph", DIR + "/diff-cpu.html")));
    }

    @Test
    void printsSelfAndTotalListsTheDifferentialAndTheFiles() {
        var hotspots = new Hotspots(
                "cpu",
                400,
                300,
                List.of(
                        new Hotspot("org.example.Bench.work", 0.05, 1.0),
                        new Hotspot("org.example.Bench.checksum", 0.75, 0.75),
                        new Hotspot("org.example.Bench.parse", 0.20, 0.20)));
        var diff = new ProfileDiff(
                "baseline 'main'",
                List.of(
                        new HotspotDiff("org.example.Bench.checksum", 0.5, 0.75, 0.5, 0.75),
                        new HotspotDiff("org.example.Bench.parse", 0.45, 0.20, 0.45, 0.20),
                        new HotspotDiff("org.example.Bench.work", 0.05, 0.05, 1.0, 1.0)));
        var profile = new BenchmarkProfile(result(), hotspots, diff, null);

        String text = HotspotReport.render(List.of(profile), Path.of("/store/runs/r1"), 2, Style.PLAIN);

        assertThat(text).isEqualTo("""

                work  cpu, 300 samples in the benchmark's threads (75.0% of 400)
                Top 2 by self share:
                   Self  Total  Frame
                  75.0%  75.0%  org.example.Bench.checksum
                  20.0%  20.0%  org.example.Bench.parse
                Top 2 by total share:
                   Self   Total  Frame
                   5.0%  100.0%  org.example.Bench.work
                  75.0%   75.0%  org.example.Bench.checksum
                Against baseline 'main', grown (total share, percentage points):
                     Change  Before  After  Self change  Frame
                  +25.0 pts   50.0%  75.0%    +25.0 pts  org.example.Bench.checksum
                Against baseline 'main', shrunk:
                     Change  Before  After  Self change  Frame
                  -25.0 pts   45.0%  20.0%    -25.0 pts  org.example.Bench.parse
                Flame graph:      /store/runs/r1/profiles/org.example.Bench.work-AverageTime/flame-cpu-forward.html
                Collapsed stacks: /store/runs/r1/profiles/org.example.Bench.work-AverageTime/collapsed-cpu.csv
                Diff flame graph: /store/runs/r1/profiles/org.example.Bench.work-AverageTime/diff-cpu.html
                """);
    }

    @Test
    void saysWhyThereIsNoProfileOrNoDifferential() {
        var missing = new BenchmarkProfile(
                result().withProfiles(List.of()),
                null,
                null,
                "the profiler wrote no collapsed stacks for it; see jmh.log in the run");
        var noDiff = new BenchmarkProfile(
                result().withProfiles(List.of()),
                new Hotspots("lock", 0, 0, List.of()),
                null,
                "baseline 'main' holds no lock profile of work");

        String text = HotspotReport.render(List.of(missing, noDiff), Path.of("/r"), 5, Style.PLAIN);

        assertThat(text).isEqualTo("""

                work: no profile (the profiler wrote no collapsed stacks for it; see jmh.log in the run)

                work  lock, 0 samples in the benchmark's threads (0.0% of 0)
                  no samples of the benchmark's own code
                No differential: baseline 'main' holds no lock profile of work
                """);
    }
}
