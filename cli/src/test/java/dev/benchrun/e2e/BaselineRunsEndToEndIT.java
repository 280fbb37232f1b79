package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.json.Json;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar: a baseline of several runs kept in the one CI line, judged against; and calibrate. */
class BaselineRunsEndToEndIT {

    private static final String[] SHORT = {
        "--jar", "", "--filter", "hashWork", "-f", "2", "-wi", "1", "-w", "100ms", "-i", "3", "-r", "100ms"
    };

    @TempDir
    Path dir;

    private static String[] args(String... head) {
        String[] settings = SHORT.clone();
        settings[1] = Benchrun.FIXTURES.toString();
        return Stream.concat(Stream.of(head), Stream.of(settings)).toArray(String[]::new);
    }

    @Test
    void runsKeptInOneBaselineAreJudgedAsRunsAndCalibrateSaysWhatTheMachineDetects() throws Exception {
        for (int i = 1; i <= 3; i++) {
            var run = Benchrun.run(dir, args("run", "--save-baseline", "main", "--append"));
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.err()).contains("to baseline 'main', which now holds " + i + " run");
        }
        var candidate = Benchrun.run(dir, args("run"));
        assertThat(candidate.exit()).as(candidate.err()).isZero();
        var compare = Benchrun.run(dir, "compare", "main", "--format", "json", "--fail-on", "never");
        assertThat(compare.exit()).as(compare.err()).isZero();
        var hashWork = Json.MAPPER.readTree(compare.out()).get("benchmarks").get(0);
        assertThat(hashWork.get("baselineRuns").asInt()).isEqualTo(3);
        assertThat(hashWork.get("candidateRuns").asInt()).isEqualTo(1);
        assertThat(hashWork.get("runSpread").get("smallestDetectable").asDouble())
                .isPositive();

        var list = Benchrun.run(dir, "list", "baselines");
        assertThat(list.out()).containsPattern("main +\\S+ +3 ");

        var calibrate = Benchrun.run(dir, args("calibrate", "--runs", "2", "--target", "5%"));
        assertThat(calibrate.exit()).as(calibrate.err()).isZero();
        assertThat(calibrate.out()).contains("Calibrated on 2 runs", "hashWork", "Kept in ");
        assertThat(dir.resolve(".benchrun/calibration.json")).isRegularFile();
    }
}
