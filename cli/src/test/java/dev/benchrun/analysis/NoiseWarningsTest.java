package dev.benchrun.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.model.Environment;
import dev.benchrun.model.Noise;
import dev.benchrun.model.RunResult;
import dev.benchrun.testing.FakeMachine;
import dev.benchrun.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each noise warning, from the readings of a fake {@code /proc} and {@code /sys} tree. */
class NoiseWarningsTest {

    @TempDir
    Path dir;

    @Test
    void aQuietMachineSaysSoInOneLineAndWarnsOfNothing() {
        var machine = FakeMachine.quiet(dir);
        var summary = NoiseWarnings.summary(environment(machine, m -> m.stat(1015, 0, 205, 8180, 10, 0, 5, 0)), 1);

        assertThat(summary.headline()).isEqualTo("quiet (load 0.1 on 2 CPUs, no steal, governor performance)");
        assertThat(summary.warnings()).isEmpty();
        assertThat(summary.notes()).isEmpty();
        assertThat(summary.noisy()).isFalse();
    }

    @Test
    void aLoadAverageAboveHalfTheCpusBeforeTheRunIsNoisy() {
        var machine = FakeMachine.quiet(dir).loadavg(3.2, 2, 300);
        var summary = NoiseWarnings.summary(environment(machine, m -> {}), 1);

        assertThat(summary.headline()).isEqualTo("noisy — load 3.2 on 2 CPUs");
        assertThat(summary.warnings())
                .containsExactly("load average 3.2 on 2 CPUs before the run: results may be unstable");

        var atTheLimit = FakeMachine.quiet(dir.resolve("limit")).loadavg(1.0, 1, 300);
        assertThat(NoiseWarnings.summary(environment(atTheLimit, m -> {}), 1).warnings())
                .isEmpty();
    }

    @Test
    void otherBusyProcessesAreNamedWithTheirShareOfACpu() {
        var machine = FakeMachine.quiet(dir)
                .loadavg(3.4, 3, 300)
                .process(777, 1, "java", 100)
                .process(778, 1, "cc1", 100)
                .process(779, 1, "sshd", 100);
        var env = environment(
                machine,
                m -> m.stat(1100, 0, 250, 8040, 10, 0, 5, 10)
                        .process(777, 1, "java", 185)
                        .process(778, 1, "cc1", 140)
                        .process(779, 1, "sshd", 105));
        var summary = NoiseWarnings.summary(env, 1);

        assertThat(summary.headline())
                .isEqualTo("noisy — load 3.4 on 2 CPUs, steal 5.0% before the run,"
                        + " 2 other processes busy before the run (java 85%, cc1 40%)");
        assertThat(summary.warnings())
                .containsExactly(
                        "load average 3.4 on 2 CPUs before the run: results may be unstable",
                        "CPU steal 5.0% before the run (the hypervisor ran other guests on these CPUs):"
                                + " results may be unstable",
                        "2 other processes busy before the run (java 85%, cc1 40% of a CPU): results may be unstable");
    }

    @Test
    void theSummaryNamesTheBusiestThreeAndTheWarningAll() {
        var machine = FakeMachine.quiet(dir);
        for (int p = 0; p < 4; p++) {
            machine.process(700 + p, 1, "job" + p, 0);
        }
        var env = environment(machine, m -> {
            m.stat(1100, 0, 250, 8050, 10, 0, 5, 0);
            for (int p = 0; p < 4; p++) {
                m.process(700 + p, 1, "job" + p, 50 - 10 * p);
            }
        });
        var summary = NoiseWarnings.summary(env, 1);

        assertThat(summary.headline())
                .isEqualTo("noisy — 4 other processes busy before the run (job0 50%, job1 40%, job2 30%, …)");
        assertThat(summary.warnings())
                .containsExactly("4 other processes busy before the run (job0 50%, job1 40%, job2 30%, job3 20% of a"
                        + " CPU): results may be unstable");
    }

    @Test
    void aVmWithStealButWithoutCpufreqWarnsOfTheStealNotOfAGovernor() {
        var machine = FakeMachine.quiet(dir).governor(0, "").governor(1, "");
        // 200 ticks, 6 stolen: 3%, above the 2% threshold; a second VM steals only 2%.
        var env = environment(machine, m -> m.stat(1100, 0, 250, 8044, 10, 0, 5, 6));
        assertThat(NoiseWarnings.findings(env, 1))
                .extracting(NoiseWarnings.Finding::line)
                .containsExactly("CPU steal 3.0% before the run (the hypervisor ran other guests on these CPUs):"
                        + " results may be unstable");

        var second = FakeMachine.quiet(dir.resolve("second")).governor(0, "").governor(1, "");
        var little = environment(second, m -> m.stat(1100, 0, 250, 8046, 10, 0, 5, 4));
        assertThat(NoiseWarnings.findings(little, 1)).isEmpty();
        assertThat(NoiseWarnings.summary(little, 1).headline()).isEqualTo("quiet (load 0.1 on 2 CPUs, steal 2.0%)");
    }

    @Test
    void aGovernorOtherThanPerformanceAndTurboAreNotesNotNoise() {
        var machine = FakeMachine.quiet(dir).governor(1, "powersave").noTurbo(false);
        var summary = NoiseWarnings.summary(environment(machine, m -> {}), 1);

        assertThat(summary.noisy()).isFalse();
        assertThat(summary.notes())
                .containsExactly(
                        "CPU frequency governor powersave on 1 of 2 CPUs, not performance:"
                                + " the clock speed may change during the run",
                        "turbo boost is on: the clock speed depends on temperature and on the other CPUs' load");
        assertThat(summary.headline())
                .isEqualTo("quiet (load 0.1 on 2 CPUs, governors performance, powersave, turbo on)");
    }

    @Test
    void aCgroupV2QuotaBelowTheForksThreadsIsNoisy() {
        var machine = FakeMachine.quiet(dir).cgroupV2("bench", "50000 100000");
        var env = environment(machine, m -> {});

        assertThat(NoiseWarnings.summary(env, 1).warnings())
                .containsExactly("the container's CPU quota is 0.5 CPUs (cgroup v2), fewer than the 1 thread a fork"
                        + " measures with: the forks will be throttled, results may be unstable");
    }

    @Test
    void aCgroupV1QuotaIsNoisyOnlyBelowTheForksThreads() {
        var machine = FakeMachine.quiet(dir).cgroupV1("docker/abc", 150000, 100000);
        var env = environment(machine, m -> {});

        assertThat(NoiseWarnings.summary(env, 1).warnings()).isEmpty();
        assertThat(NoiseWarnings.summary(env, 2).headline()).isEqualTo("noisy — CPU quota 1.5 CPUs");
    }

    @Test
    void runnableTasksBeyondTheForksOwnAndSwappingDuringTheRunAreNoisy() {
        var machine = FakeMachine.quiet(dir);
        var probe = machine.probe();
        var first = probe.read();
        var before = probe.before(first, probe.read());
        var sampler = probe.during();
        machine.loadavg(1.8, 6, 250).vmstat(120, 30);
        var noise = new Noise(before, sampler.stop(), "G1", "tiered");
        var summary = NoiseWarnings.summary(Fixtures.environment().withNoise(noise), 1);

        assertThat(summary.warnings())
                .containsExactly(
                        "up to 6 runnable tasks on 2 CPUs during the run: the forks had to wait for a CPU,"
                                + " results may be unstable",
                        "swapping during the run (120 pages in, 30 out): memory is short, results may be unstable");
        assertThat(summary.headline()).isEqualTo("noisy — 6 runnable tasks on 2 CPUs, swapping during the run");

        var forkAlone = new Noise.During(10, 20_000L, 1.2, 5, 0.0, 0L, 0L, List.of());
        assertThat(NoiseWarnings.noisy(new Noise(null, forkAlone, "G1", "tiered"), 2, List.of(), 1))
                .as("a fork's benchmark thread and its two compiler threads beside 2 CPUs: the fork itself")
                .isEmpty();
    }

    @Test
    void aLoadAverageLeftByTheRunBeforeIsNotNoiseWhenTheCpusAreIdleNow() {
        var idle = new Noise.Before(300L, 2, null, null, 1.6, 1, 105, 0.0, 6.0, 0L, 0L, "v1", null, List.of());
        var busy = new Noise.Before(300L, 2, null, null, 1.6, 3, 105, 0.0, 85.0, 0L, 0L, "v1", null, List.of());
        assertThat(NoiseWarnings.noisy(new Noise(idle, null, "G1", "tiered"), 2, List.of(), 1))
                .as("load 1.6 but the CPUs 6% busy over the preflight: the lingering minute of the last run")
                .isEmpty();
        assertThat(NoiseWarnings.noisy(new Noise(busy, null, "G1", "tiered"), 2, List.of(), 1))
                .extracting(NoiseWarnings.Finding::figure)
                .containsExactly("load 1.6 on 2 CPUs");
    }

    @Test
    void theInterpreterAndAStoppedJitAreNotes() {
        var env = jvmArgs(List.of("-Xint", "-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4", "-Xcomp"));

        assertThat(NoiseWarnings.findings(env, 1))
                .extracting(NoiseWarnings.Finding::line)
                .containsExactly(
                        "the forks run with -Xint: the numbers are the interpreter's, not what the JIT makes of the code",
                        "the forks run with -XX:TieredStopAtLevel=1: the JIT stops below C2, so the numbers are not"
                                + " those of fully optimised code",
                        "the forks run with -Xcomp: every method is compiled before its first call, without the"
                                + " profile the JIT normally uses");
        assertThat(NoiseWarnings.summary(env, 1)).isNull(); // no readings: no summary, the notes are still found
    }

    @Test
    void aComparisonWarnsOfANoisySideOnceAndOfDifferentCollectors() throws Exception {
        var quiet = run(environment(FakeMachine.quiet(dir.resolve("a")), m -> {}));
        var noisy = run(environment(FakeMachine.quiet(dir.resolve("b")).loadavg(3.4, 2, 300), m -> {}));

        assertThat(NoiseWarnings.between(noisy, quiet))
                .containsExactly("the baseline was measured on a noisy machine: load 3.4 on 2 CPUs");
        assertThat(NoiseWarnings.between(quiet, noisy))
                .containsExactly("the candidate was measured on a noisy machine: load 3.4 on 2 CPUs");
        assertThat(NoiseWarnings.between(noisy, noisy))
                .containsExactly("both sides were measured on a noisy machine: load 3.4 on 2 CPUs");
        assertThat(NoiseWarnings.between(quiet, quiet)).isEmpty();

        var env = quiet.environment();
        var zgc = run(env.withNoise(new Noise(env.noise().before(), null, "Z", "tiered")));
        assertThat(EnvironmentWarnings.between(quiet, zgc))
                .contains("different garbage collectors: G1 vs Z; the allocation and pause costs differ with them");
    }

    /** The environment of a run on the machine: one reading, then {@code change}, then the second. */
    private static Environment environment(FakeMachine machine, java.util.function.Consumer<FakeMachine> change) {
        var probe = machine.probe();
        var first = probe.read();
        change.accept(machine);
        var before = probe.before(first, probe.read());
        return Fixtures.environment().withNoise(new Noise(before, null, "G1", "tiered"));
    }

    private static Environment jvmArgs(List<String> args) {
        var e = Fixtures.environment();
        return new Environment(
                e.hostname(),
                e.os(),
                e.kernel(),
                e.arch(),
                e.cpuModel(),
                e.cores(),
                e.memoryBytes(),
                e.cpuGovernor(),
                e.loadAverage(),
                new Environment.Jvm(
                        e.jvm().path(),
                        e.jvm().vendor(),
                        e.jvm().version(),
                        e.jvm().vmName(),
                        e.jvm().vmVersion(),
                        args),
                e.jmhVersion(),
                e.benchrunVersion(),
                e.git(),
                null);
    }

    private static RunResult run(Environment env) throws Exception {
        var run = Fixtures.run("20261123T061500Z-3fa2");
        return new RunResult(
                run.schemaVersion(),
                run.id(),
                run.label(),
                run.started(),
                run.finished(),
                env,
                run.settings(),
                run.benchmarks(),
                run.failures(),
                run.interrupted());
    }
}
