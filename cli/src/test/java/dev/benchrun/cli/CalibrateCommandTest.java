package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchrun calibrate}: A/A runs, what each path can detect, kept for compare to warn with. */
class CalibrateCommandTest {

    private static final String[] SETTINGS = {
        "--jar", "fixtures.jar", "--filter", "sum", "-f", "3", "-wi", "1", "-w", "100ms", "-i", "5", "-r", "100ms"
    };

    @TempDir
    Path dir;

    private InProcess benchrun;

    @BeforeEach
    void setUp() throws Exception {
        benchrun = new InProcess(dir);
        Files.writeString(dir.resolve("benchrun.yaml"), "benchmarks: [ { match: 'sum.*', category: datapath } ]\n");
    }

    private InProcess.Result calibrate(String... args) {
        var all = new java.util.ArrayList<String>();
        all.add("calibrate");
        all.addAll(java.util.List.of(SETTINGS));
        all.addAll(java.util.List.of(args));
        return benchrun.run(all.toArray(String[]::new));
    }

    @Test
    void itRunsTheSelectionSeveralTimesAndSaysWhatEachPathDetects() throws Exception {
        var table = calibrate("--runs", "3", "--target", "2%");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out())
                .startsWith("Calibrated on 3 runs of quick: the smallest change each path would show with 80% "
                        + "probability at α 0.025 per benchmark (α adjusted over the 2 benchmarks judged together)")
                .contains("Benchmark", "Run drift", "Fork spread", "Stored (5 runs)", "A/B (15 pairs)", "Target")
                .contains("sum[extra=-1,n=256]", "sumThroughput[extra=-1,n=256]")
                .contains("Kept in " + benchrun.store().resolve("calibration.json"));
        assertThat(benchrun.runIds()).as("each A/A run is stored").hasSize(3);
        assertThat(benchrun.storedRun(benchrun.runIds().get(0)).get("label").asText())
                .isEqualTo("calibrate 1/3");

        var json = calibrate("--runs", "2", "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        var tree = Json.MAPPER.readTree(json.out());
        assertThat(tree.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(tree.get("runs")).hasSize(2);
        var first = tree.get("benchmarks").get(0);
        assertThat(first.get("minimalDetectableChange").asDouble())
                .isEqualTo(first.at("/stored/minimalDetectableChange").asDouble())
                .isGreaterThanOrEqualTo(0.01);
        assertThat(first.at("/ab/pairsForTarget").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(first.at("/stored/verdictSeconds").asDouble()).isPositive();
        assertThat(Json.MAPPER.readTree(
                        benchrun.store().resolve("calibration.json").toFile()))
                .as("the newest calibration is the one kept")
                .isEqualTo(tree);
    }

    @Test
    void compareWarnsWhereAThresholdIsBelowWhatTheMachineDetects() {
        assertThat(calibrate("--runs", "2").exit()).isZero();
        var base = benchrun.run("run", "--jar", "fixtures.jar", "--filter", "sum$", "-f", "3", "-i", "5");
        assertThat(base.exit()).as(base.err()).isZero();
        var tight =
                benchrun.run("compare", base.storedRunId(), "--threshold", "datapath=0.5%,1%", "--fail-on", "never");
        assertThat(tight.exit()).as(tight.err()).isZero();
        assertThat(tight.outLines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("Warning: datapath: its warning threshold 1% is below what this machine can detect "
                                + "against a baseline of 5 runs for sum[extra=-1,n=256] "));
        var usual = benchrun.run("compare", base.storedRunId(), "--fail-on", "never");
        assertThat(usual.out()).doesNotContain("below what this machine can detect");
    }

    @Test
    void aDamagedCalibrationIsNamedAndTheComparisonStillMade() throws Exception {
        var base = benchrun.run("run", "--jar", "fixtures.jar", "--filter", "sum$", "-f", "3", "-i", "5");
        assertThat(base.exit()).as(base.err()).isZero();
        Path file = benchrun.store().resolve("calibration.json");
        Files.writeString(file, "{ \"schemaVersion\": 1, ");
        var compare = benchrun.run("compare", base.storedRunId(), "--fail-on", "never");
        assertThat(compare.exit()).as(compare.err()).isZero();
        assertThat(compare.outLines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("Warning: " + file + " is not valid JSON: ")
                        .endsWith(": run 'benchrun calibrate' again to replace it"));
    }

    @Test
    void badRequestsGetOneLineAndExitTwo() {
        var one = calibrate("--runs", "1");
        assertThat(one.exit()).isEqualTo(2);
        assertThat(one.errLines()).containsExactly("benchrun: --runs 1: calibrating needs at least 2 runs");
        var target = calibrate("--target", "150%");
        assertThat(target.exit()).isEqualTo(2);
        assertThat(target.errLines()).containsExactly("benchrun: --target: give a change between 0% and 100%");
        assertThat(benchrun.store().resolve("calibration.json")).doesNotExist();
    }
}
