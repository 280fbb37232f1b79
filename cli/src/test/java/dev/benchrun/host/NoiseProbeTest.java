package dev.benchrun.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.model.JvmInfo;
import dev.benchrun.model.Noise;
import dev.benchrun.testing.FakeMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NoiseProbe} on trees of fake {@code /proc} and {@code /sys} files. */
class NoiseProbeTest {

    @TempDir
    Path dir;

    @Test
    void readsAQuietMachine() {
        var machine = FakeMachine.quiet(dir);
        var probe = machine.probe();
        var first = probe.read();
        // One second on two CPUs: 200 ticks, 20 of them busy.
        machine.stat(1015, 0, 205, 8180, 10, 0, 5, 0);
        var before = probe.before(first, probe.read());

        assertThat(before.onlineCpus()).isEqualTo(2);
        assertThat(before.governors()).isEqualTo(Map.of("performance", 2));
        assertThat(before.turbo()).isFalse();
        assertThat(before.loadAverage()).isEqualTo(0.10);
        assertThat(before.runnable()).isEqualTo(1);
        assertThat(before.tasks()).isEqualTo(200);
        assertThat(before.stealPercent()).isEqualTo(0.0);
        assertThat(before.busyPercent()).isEqualTo(10.0);
        assertThat(before.swapIn()).isZero();
        assertThat(before.swapOut()).isZero();
        assertThat(before.cgroup()).isNull();
        assertThat(before.cpuQuota()).isNull();
        assertThat(before.busyProcesses()).isEmpty();
    }

    @Test
    void aVmShowsItsStealAndTheOtherBusyProcessesButNotBenchrunsForks() {
        var machine = FakeMachine.quiet(dir)
                .process(5000, FakeMachine.BENCHRUN, "java", 1000) // a fork
                .process(5001, 5000, "java", 10) // the fork's child
                .process(777, 1, "cc1", 300)
                .process(900, 1, "tmux: server (x)", 40)
                .process(30, 2, "kworker/0:1-events", 5000)
                .process(950, 1, "sh", 500);
        // A VM without cpufreq: no governors.
        machine.governor(0, "").governor(1, "");
        var probe = machine.probe();
        var first = probe.read();
        // 200 ticks pass (one second on two CPUs), 10 of them stolen by the hypervisor.
        machine.stat(1100, 0, 250, 8040, 10, 0, 5, 10)
                .process(5000, FakeMachine.BENCHRUN, "java", 1100)
                .process(5001, 5000, "java", 90)
                .process(777, 1, "cc1", 380)
                .process(900, 1, "tmux: server (x)", 45)
                .process(901, 1, "make", 30) // new since the first reading: all its ticks count
                // A kernel worker's name changes with its work: the same process, 8 ticks more.
                .process(30, 2, "kworker/0:1-mm_percpu_wq", 5008)
                // sh ended and its pid went to a new process: all of that one's ticks count.
                .process(950, 1, "cc1", 25, 9000);
        var before = probe.before(first, probe.read());

        assertThat(before.governors()).isNull();
        assertThat(before.stealPercent()).isEqualTo(5.0);
        assertThat(before.busyProcesses()).containsExactly(new Noise.Busy("cc1", 105.0), new Noise.Busy("make", 30.0));
    }

    @Test
    void benchrunsOwnCpuTimeAndItsChildrensIsNoPartOfTheBusyShare() {
        var machine = FakeMachine.quiet(dir);
        var probe = machine.probe();
        var first = probe.read();
        // 200 ticks pass, 110 busy: 30 of them benchrun's own, 20 those of the git it waited for,
        // 40 a JMH child started since the first reading; 20 are someone else's.
        machine.stat(1090, 0, 220, 8090, 10, 0, 5, 0)
                .process(FakeMachine.BENCHRUN, 1, "java", 530, 100, 20)
                .process(6000, FakeMachine.BENCHRUN, "java", 40);

        var before = probe.before(first, probe.read());

        assertThat(before.busyPercent()).isEqualTo(10.0);
        assertThat(before.busyProcesses()).isEmpty();
    }

    @Test
    void theMomentsLoadAndTasksAreTheFirstReadingsBeforeBenchrunStartsAnything() {
        var machine = FakeMachine.quiet(dir).loadavg(0.4, 1, 200);
        var probe = machine.probe();
        var first = probe.read();
        // The JMH child starting: its threads run and count as tasks by the second reading.
        machine.loadavg(0.5, 6, 231).stat(1015, 0, 205, 8180, 10, 0, 5, 0);

        var before = probe.before(first, probe.read());

        assertThat(before.loadAverage()).isEqualTo(0.4);
        assertThat(before.runnable()).isEqualTo(1);
        assertThat(before.tasks()).isEqualTo(200);
        assertThat(before.busyPercent()).isEqualTo(10.0);
    }

    @Test
    void aPreflightBegunRecordsWhatOneTakenWholeDoes() throws Exception {
        var machine = FakeMachine.quiet(dir).process(777, 1, "cc1", 300);
        var probe = machine.probe();

        var before = probe.begin().before();
        var whole = probe.before();

        // The same machine, unchanged: every field alike but the interval, which is the time it took.
        assertThat(before)
                .usingRecursiveComparison()
                .ignoringFields("intervalMillis")
                .isEqualTo(whole);
        assertThat(before.intervalMillis()).isNotNull();
        assertThat(before.onlineCpus()).isEqualTo(2);
        assertThat(before.governors()).isEqualTo(Map.of("performance", 2));
    }

    @Test
    void aPreflightBegunWhereNothingCanBeReadIsNull() throws Exception {
        var probe = new FakeMachine(dir.resolve("nothing")).probe();
        var begun = probe.begin();
        var sampler = probe.during(begun);

        assertThat(begun.before()).isNull();
        assertThat(sampler.stop()).isNull();
    }

    @Test
    void aPreflightBegunKeepsTheMomentOfItsStartWhateverStartsAfterIt() throws Exception {
        var machine = FakeMachine.quiet(dir).loadavg(0.4, 1, 200);
        var probe = machine.probe();

        var begun = probe.begin();
        // JMH starting at once: its threads run and count as tasks, whenever the readings are taken.
        machine.loadavg(0.5, 6, 231);
        var before = begun.before();

        assertThat(before.loadAverage()).isEqualTo(0.4);
        assertThat(before.runnable()).isEqualTo(1);
        assertThat(before.tasks()).isEqualTo(200);
    }

    @Test
    void theSamplerOverARunWhosePreflightWasBegunStartsFromItsFirstReading() throws Exception {
        var machine = FakeMachine.quiet(dir);
        var probe = machine.probe();
        var begun = probe.begin();
        var sampler = probe.during(begun);
        begun.before(); // both of the preflight's readings taken: the machine changes only after them

        machine.loadavg(2.5, 5, 230).vmstat(10, 4).stat(1100, 0, 250, 8040, 10, 0, 5, 10);
        var during = sampler.stop();

        assertThat(during.samples()).isGreaterThanOrEqualTo(2);
        assertThat(during.maxLoadAverage()).isEqualTo(2.5);
        assertThat(during.maxRunnable()).isEqualTo(5);
        assertThat(during.swapIn()).as("from the preflight's first reading on").isEqualTo(10);
        assertThat(during.stealPercent()).isEqualTo(5.0);
    }

    @Test
    void aCgroupV2QuotaIsTheSmallestOnTheWayUp() throws Exception {
        var machine = FakeMachine.quiet(dir).cgroupV2("user.slice/bench", "150000 100000");
        Files.writeString(dir.resolve("sys/fs/cgroup/user.slice/cpu.max"), "50000 100000\n");
        var before = before(machine);

        assertThat(before.cgroup()).isEqualTo("v2");
        assertThat(before.cpuQuota()).isEqualTo(0.5);
    }

    @Test
    void aCgroupV2WithoutALimitHasNoQuota() {
        var before = before(FakeMachine.quiet(dir).cgroupV2("docker/abc", "max 100000"));

        assertThat(before.cgroup()).isEqualTo("v2");
        assertThat(before.cpuQuota()).isNull();
    }

    @Test
    void aCgroupV1QuotaIsQuotaOverPeriod() {
        var before = before(FakeMachine.quiet(dir).cgroupV1("docker/abc", 150000, 100000));

        assertThat(before.cgroup()).isEqualTo("v1");
        assertThat(before.cpuQuota()).isEqualTo(1.5);
    }

    @Test
    void turboFromCpufreqBoostAndOnlineCpusFromARangeList() throws Exception {
        var machine = FakeMachine.quiet(dir).online("0-3,6").boost(true);
        Files.delete(dir.resolve("sys/devices/system/cpu/intel_pstate/no_turbo"));
        var before = before(machine);

        assertThat(before.onlineCpus()).isEqualTo(5);
        assertThat(before.turbo()).isTrue();
    }

    @Test
    void whatCannotBeReadIsNullNeverAnError() throws Exception {
        var probe = new FakeMachine(dir.resolve("nothing")).probe();
        assertThat(probe.before()).isNull();

        var garbled = new FakeMachine(dir.resolve("garbled"));
        garbled.loadavg(0.5, 1, 10);
        Files.writeString(dir.resolve("garbled/proc/stat"), "cpu  x y z\n");
        Files.createDirectories(dir.resolve("garbled/proc/77"));
        Files.writeString(dir.resolve("garbled/proc/77/stat"), "77 (half");
        Files.createDirectories(dir.resolve("garbled/sys/devices/system/cpu"));
        Files.writeString(dir.resolve("garbled/sys/devices/system/cpu/online"), "a-b\n");
        var before = garbled.probe().before();
        assertThat(before.loadAverage()).isEqualTo(0.5);
        assertThat(before.onlineCpus()).isNull();
        assertThat(before.stealPercent()).isNull();
        assertThat(before.busyPercent()).isNull();
        assertThat(before.swapIn()).isNull();
        assertThat(before.busyProcesses()).isEmpty();
    }

    @Test
    void theSamplerKeepsTheWorstOfTheRunAndItsSwapping() {
        var machine = FakeMachine.quiet(dir);
        var sampler = machine.probe().during();
        machine.loadavg(2.5, 5, 230).vmstat(10, 4).stat(1100, 0, 250, 8040, 10, 0, 5, 10);
        var during = sampler.stop();
        machine.loadavg(0.2, 1, 200);

        assertThat(during.samples()).isGreaterThanOrEqualTo(2);
        assertThat(during.maxLoadAverage()).isEqualTo(2.5);
        assertThat(during.maxRunnable()).isEqualTo(5);
        assertThat(during.swapIn()).isEqualTo(10);
        assertThat(during.swapOut()).isEqualTo(4);
        assertThat(during.stealPercent()).isEqualTo(5.0);
        assertThat(sampler.stop()).isSameAs(during);
    }

    @Test
    void theForksGcIsTheOneTheirArgumentsNameElseTheJvmsChoice() {
        var jvm = new JvmInfo("/java", "Vendor", "17.0.15", 17, "VM", "17", "G1");

        assertThat(NoiseProbe.gc(jvm, List.of("-Xmx1g"))).isEqualTo("G1");
        assertThat(NoiseProbe.gc(jvm, List.of("-XX:+UseSerialGC", "-XX:+UseZGC")))
                .isEqualTo("Z");
        assertThat(NoiseProbe.gc(null, List.of())).isNull();
        assertThat(NoiseProbe.jit(List.of("-Xmx1g"))).isEqualTo("tiered");
        assertThat(NoiseProbe.jit(List.of("-Xint", "-Xmx1g", "-XX:TieredStopAtLevel=1")))
                .isEqualTo("-Xint -XX:TieredStopAtLevel=1");
    }

    @Test
    void theJvmProbeReadsTheCollectorFromTheFlagsLine() {
        assertThat(JvmProbe.gc(
                        "openjdk version \"17\"\n-XX:ConcGCThreads=1 -XX:+UseCompressedOops -XX:+UseParallelGC \n"))
                .isEqualTo("Parallel");
        assertThat(JvmProbe.gc("-XX:+UseCompressedOops\n")).isNull();
    }

    private static Noise.Before before(FakeMachine machine) {
        var probe = machine.probe();
        return probe.before(probe.read(), probe.read());
    }
}
