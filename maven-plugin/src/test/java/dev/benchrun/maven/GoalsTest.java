package dev.benchrun.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each goal's parameters as the benchrun command line they become, and one goal run for real. */
class GoalsTest {

    @TempDir
    Path dir;

    @Test
    void runWritesEveryGivenParameterAsItsOption() {
        var run = new RunMojo();
        run.jar = "target/benchmarks.jar";
        run.categories = List.of("crypto");
        run.filters = List.of("work", "steady");
        run.profile = "ci";
        run.forks = "2";
        run.warmupIterations = "1";
        run.warmupTime = "100ms";
        run.iterations = "5";
        run.time = "100ms";
        run.params = List.of("n=1", "2");
        run.jvmArgs = "-Dslow=10 -Xmx1g";
        run.label = "PR-1";
        run.baseline = "main";
        run.saveBaseline = "next";
        run.append = true;
        run.thresholds = List.of("default=5%", "10%");
        run.failOn = "warning";
        run.format = "markdown";
        run.output = "target/compare.md";
        run.store = "/tmp/store";

        assertThat(run.commandLine().toList())
                .containsExactly(
                        "run",
                        "--jar",
                        "target/benchmarks.jar",
                        "--category",
                        "crypto",
                        "--filter",
                        "work",
                        "--filter",
                        "steady",
                        "--profile",
                        "ci",
                        "--forks",
                        "2",
                        "--warmup-iterations",
                        "1",
                        "--warmup-time",
                        "100ms",
                        "--iterations",
                        "5",
                        "--time",
                        "100ms",
                        "--param",
                        "n=1,2",
                        "--jvm-args",
                        "-Dslow=10 -Xmx1g",
                        "--label",
                        "PR-1",
                        "--baseline",
                        "main",
                        "--save-baseline",
                        "next",
                        "--append",
                        "--fail-on",
                        "warning",
                        "--threshold",
                        "default=5%,10%",
                        "--format",
                        "markdown",
                        "--output",
                        "target/compare.md",
                        "--store",
                        "/tmp/store");
    }

    @Test
    void runWithAgainstIsAnABSession() {
        var run = new RunMojo();
        run.jar = "new.jar";
        run.against = "old.jar";
        run.againstJvmArgs = "-XX:+UseParallelGC";
        run.maxPairs = "8";
        run.maxTime = "10m";
        run.duet = true;

        assertThat(run.commandLine().toList())
                .containsExactly(
                        "run",
                        "--jar",
                        "new.jar",
                        "--against",
                        "old.jar",
                        "--against-jvm-args",
                        "-XX:+UseParallelGC",
                        "--max-pairs",
                        "8",
                        "--max-time",
                        "10m",
                        "--duet");
    }

    @Test
    void compareTakesTheBaselineAndCandidateAsItsTwoSides() {
        var compare = new CompareMojo();
        compare.baseline = "main";
        compare.candidate = "latest";
        compare.strict = true;
        compare.alpha = "0.01";
        compare.noiseFloor = "2%";
        compare.format = "junit";
        compare.output = "target/benchrun.xml";
        compare.quiet = true;
        compare.arguments = List.of("--no-color");

        assertThat(compare.commandLine().toList())
                .containsExactly(
                        "compare",
                        "main",
                        "latest",
                        "--strict",
                        "--alpha",
                        "0.01",
                        "--noise-floor",
                        "2%",
                        "--format",
                        "junit",
                        "--output",
                        "target/benchrun.xml",
                        "-q",
                        "--no-color");
    }

    @Test
    void reportRendersTheLatestRunUnlessOneIsNamed() {
        var report = new ReportMojo();
        report.baseline = "main";
        report.output = "target/benchrun.md";
        assertThat(report.commandLine().toList())
                .containsExactly("report", "--baseline", "main", "--output", "target/benchrun.md");

        report.run = "20261203T083855Z-0e68";
        report.format = "html";
        report.history = "10";
        assertThat(report.commandLine().toList())
                .containsExactly(
                        "report",
                        "20261203T083855Z-0e68",
                        "--baseline",
                        "main",
                        "--format",
                        "html",
                        "--output",
                        "target/benchrun.md",
                        "--history",
                        "10");
    }

    @Test
    void aGoalRunsBenchrunInTheProjectDirectoryAndAnUnknownBaselineIsABuildErrorWithItsLine() {
        var compare = new CompareMojo() {
            @Override
            Map<String, String> environment() {
                return Map.of(); // no BENCHRUN_STORE of the machine's
            }
        };
        compare.basedir = dir.toFile();
        compare.baseline = "nope";
        var warnings = new ArrayList<String>();
        compare.setLog(new SystemStreamLog() {
            @Override
            public void warn(CharSequence line) {
                warnings.add(line.toString());
            }
        });
        var store = dir.resolve(".benchrun").toString();

        assertThatThrownBy(compare::execute)
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("benchrun: 'nope' is not a baseline, a run id or a file in store " + store);
        assertThat(warnings).singleElement().asString().startsWith("benchrun: 'nope' is not a baseline");
    }

    @Test
    void skipRunsNothing() throws Exception {
        var compare = new CompareMojo();
        compare.basedir = dir.resolve("no such project").toFile();
        compare.skip = true;
        var lines = new ArrayList<String>();
        compare.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence line) {
                lines.add(line.toString());
            }
        });

        compare.execute();

        assertThat(lines).containsExactly("benchrun: skipped (benchrun.skip)");
    }
}
