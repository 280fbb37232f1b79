package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.json.Json;
import dev.benchrun.testing.FakeMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The noise preflight in process: {@code run} and {@code run --against} on a fake machine, with JMH faked. */
class NoiseCommandTest {

    private static final String[] SETTINGS = {
        "--jar", "fixtures.jar", "--filter", "sum$", "-f", "2", "-wi", "1", "-w", "100ms", "-i", "5", "-r", "100ms"
    };

    @TempDir
    Path dir;

    private InProcess benchrun;

    @BeforeEach
    void setUp() throws Exception {
        benchrun = new InProcess(dir);
        Files.copy(dir.resolve("fixtures.jar"), dir.resolve("old.jar"));
    }

    private InProcess.Result run(String... args) {
        return benchrun.run(Stream.concat(Stream.concat(Stream.of("run"), Stream.of(args)), Stream.of(SETTINGS))
                .toArray(String[]::new));
    }

    @Test
    void aQuietMachineIsTheTablesFirstLineAndItsReadingsAreInRunJson() throws Exception {
        benchrun.noise = FakeMachine.quiet(dir.resolve("machine")).probe();
        var result = run();

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.outLines().get(0)).isEqualTo("Machine: quiet (load 0.1 on 2 CPUs, governor performance)");
        assertThat(result.outLines().get(1)).startsWith("Benchmark ");
        assertThat(result.out()).doesNotContain("Warning:");
        var noise = benchrun.storedRun(result.storedRunId()).at("/environment/noise");
        assertThat(noise.at("/before/onlineCpus").asInt()).isEqualTo(2);
        assertThat(noise.at("/before/loadAverage").asDouble()).isEqualTo(0.1);
        assertThat(noise.at("/before/governors/performance").asInt()).isEqualTo(2);
        assertThat(noise.at("/during/samples").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(noise.at("/during/maxRunnable").asInt()).isEqualTo(1);
        assertThat(noise.at("/jit").asText()).isEqualTo("tiered");
    }

    @Test
    void aNoisyMachineIsSaidAboveTheTableAndWarnedAboutBelowIt() throws Exception {
        benchrun.noise =
                FakeMachine.quiet(dir.resolve("machine")).loadavg(3.2, 6, 300).probe();
        var result = run("--jvm-args", "-Xint");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.outLines().get(0))
                .isEqualTo("Machine: noisy — load 3.2 on 2 CPUs, 6 runnable tasks on 2 CPUs");
        assertThat(result.outLines())
                .containsSubsequence(
                        "Warning: load average 3.2 on 2 CPUs before the run: results may be unstable",
                        "Warning: up to 6 runnable tasks on 2 CPUs during the run: the forks had to wait for a CPU,"
                                + " results may be unstable",
                        "Note: the forks run with -Xint: the numbers are the interpreter's, not what the JIT makes of"
                                + " the code");
        String id = result.storedRunId();
        assertThat(benchrun.storedRun(id).at("/environment/noise/jit").asText()).isEqualTo("-Xint");

        var report = benchrun.run("report", id);
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out())
                .contains("| Machine | noisy — load 3.2 on 2 CPUs, 6 runnable tasks on 2 CPUs |")
                .contains("- Warning: load average 3.2 on 2 CPUs before the run: results may be unstable");

        var json = Json.MAPPER.readTree(
                benchrun.run("report", id, "--format", "json").out());
        assertThat(json.at("/execution/machine/headline").asText())
                .isEqualTo("noisy — load 3.2 on 2 CPUs, 6 runnable tasks on 2 CPUs");
        assertThat(json.at("/execution/machine/warnings")).hasSize(2);
        assertThat(json.at("/execution/machine/notes")).hasSize(1);
        assertThat(json.at("/execution/machine").size()).isEqualTo(3);

        benchrun.noise = FakeMachine.quiet(dir.resolve("quiet")).probe();
        assertThat(run().exit()).isZero();
        var compare = benchrun.run("compare", id);
        assertThat(compare.out())
                .contains(
                        "the baseline was measured on a noisy machine: load 3.2 on 2 CPUs, 6 runnable tasks on 2 CPUs");
    }

    @Test
    void strictEnvRefusesANoisyMachineBeforeAnythingRunsOrIsStored() throws Exception {
        benchrun.noise = FakeMachine.quiet(dir.resolve("machine"))
                .loadavg(3.2, 2, 300)
                .cgroupV2("bench", "50000 100000")
                .probe();
        var result = run("--strict-env");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines())
                .last()
                .isEqualTo("benchrun: the machine is noisy: load 3.2 on 2 CPUs, CPU quota 0.5 CPUs;"
                        + " run without --strict-env to measure anyway");
        assertThat(benchrun.jmh.launches()).isEmpty();
        assertThat(benchrun.runIds()).isEmpty();
        assertThat(result.out()).isEmpty();
    }

    @Test
    void strictEnvRefusesANoisyMachineForAnABSessionToo() throws Exception {
        benchrun.noise =
                FakeMachine.quiet(dir.resolve("machine")).loadavg(1.5, 1, 300).probe();
        var result = run("--against", "old.jar", "--strict-env");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines())
                .last()
                .isEqualTo("benchrun: the machine is noisy: load 1.5 on 2 CPUs; run without --strict-env to measure"
                        + " anyway");
        assertThat(benchrun.jmh.launches()).isEmpty();
        assertThat(benchrun.runIds()).isEmpty();
    }

    @Test
    void strictEnvRunsOnAQuietMachineAndANoteIsNoNoise() throws Exception {
        benchrun.noise = FakeMachine.quiet(dir.resolve("machine"))
                .governor(1, "powersave")
                .noTurbo(false)
                .probe();
        var result = run("--strict-env");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.outLines().get(0))
                .isEqualTo("Machine: quiet (load 0.1 on 2 CPUs, governors performance, powersave, turbo on)");
        assertThat(benchrun.runIds()).hasSize(1);
    }

    @Test
    void strictEnvRefusesWhereTheMachineCannotBeRead() throws Exception {
        var result = run("--strict-env");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines())
                .last()
                .isEqualTo("benchrun: --strict-env cannot tell how quiet the machine is: /proc cannot be read here;"
                        + " run without --strict-env to measure anyway");
        assertThat(benchrun.runIds()).isEmpty();
    }

    @Test
    void anABSessionSaysHowQuietTheMachineWasAndBothSidesHoldTheReadings() throws Exception {
        benchrun.noise =
                FakeMachine.quiet(dir.resolve("machine")).loadavg(3.2, 2, 300).probe();
        var result = run("--against", "old.jar", "--max-pairs", "6");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.outLines().get(0)).isEqualTo("Machine: noisy — load 3.2 on 2 CPUs");
        assertThat(result.out()).contains("both sides were measured on a noisy machine: load 3.2 on 2 CPUs");
        var ids = benchrun.runIds();
        assertThat(ids).hasSize(2);
        for (String id : ids) {
            assertThat(benchrun.storedRun(id)
                            .at("/environment/noise/before/loadAverage")
                            .asDouble())
                    .isEqualTo(3.2);
        }
    }
}
