package dev.benchrun.testing;

import dev.benchrun.host.NoiseProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * A machine made of files: the {@code proc/} and {@code sys/} readings {@link NoiseProbe} makes,
 * written into a test's directory, so every noise warning can be tested with the figures it names.
 * Each method writes (or rewrites) one reading; a probe over the tree reads them as they are then.
 */
public final class FakeMachine {

    /** The pid the probe is told is benchrun's own. */
    public static final long BENCHRUN = 4242;

    private final Path root;
    private int cpus = 2;

    public FakeMachine(Path root) {
        this.root = root;
    }

    /** A quiet machine of two CPUs on the performance governor, turbo off, no cgroup limit. */
    public static FakeMachine quiet(Path root) {
        return new FakeMachine(root)
                .online("0-1")
                .governor(0, "performance")
                .governor(1, "performance")
                .noTurbo(true)
                .loadavg(0.10, 1, 200)
                .stat(1000, 0, 200, 8000, 10, 0, 5, 0)
                .vmstat(0, 0)
                .process(BENCHRUN, 1, "java", 500);
    }

    public Path root() {
        return root;
    }

    /** A probe over this tree whose readings are a moment apart. */
    public NoiseProbe probe() {
        return new NoiseProbe(root, BENCHRUN, Duration.ofMillis(1), Duration.ofMillis(20));
    }

    public FakeMachine online(String list) {
        cpus = countOf(list);
        return write("sys/devices/system/cpu/online", list);
    }

    public FakeMachine governor(int cpu, String governor) {
        return write("sys/devices/system/cpu/cpu" + cpu + "/cpufreq/scaling_governor", governor);
    }

    public FakeMachine noTurbo(boolean off) {
        return write("sys/devices/system/cpu/intel_pstate/no_turbo", off ? "1" : "0");
    }

    public FakeMachine boost(boolean on) {
        return write("sys/devices/system/cpu/cpufreq/boost", on ? "1" : "0");
    }

    public FakeMachine loadavg(double load, int running, int total) {
        return write(
                "proc/loadavg",
                String.format(Locale.ROOT, "%.2f %.2f %.2f %d/%d 12345", load, load, load, running, total));
    }

    /** The {@code cpu} line in clock ticks summed over all CPUs, and one {@code cpuN} line per CPU. */
    public FakeMachine stat(
            long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {
        var text = new StringBuilder(String.format(
                Locale.ROOT,
                "cpu  %d %d %d %d %d %d %d %d 0 0%n",
                user,
                nice,
                system,
                idle,
                iowait,
                irq,
                softirq,
                steal));
        for (int i = 0; i < cpus; i++) {
            text.append(String.format(
                    Locale.ROOT,
                    "cpu%d %d %d %d %d %d %d %d %d 0 0%n",
                    i,
                    user / cpus,
                    nice / cpus,
                    system / cpus,
                    idle / cpus,
                    iowait / cpus,
                    irq / cpus,
                    softirq / cpus,
                    steal / cpus));
        }
        text.append("intr 12345 0 0\nctxt 987654\nbtime 1764740000\nprocesses 4321\n");
        return write("proc/stat", text.toString());
    }

    public FakeMachine vmstat(long swapIn, long swapOut) {
        return write(
                "proc/vmstat", "nr_free_pages 123456\npswpin " + swapIn + "\npswpout " + swapOut + "\npgfault 99\n");
    }

    /** A process with {@code ticks} of CPU time so far (utime + stime, split evenly). */
    public FakeMachine process(long pid, long ppid, String name, long ticks) {
        return process(pid, ppid, name, ticks, 100);
    }

    /** A process that started {@code started} ticks after boot: a pid reused has another start. */
    public FakeMachine process(long pid, long ppid, String name, long ticks, long started) {
        return process(pid, ppid, name, ticks, started, 0);
    }

    /** A process whose children it waited for used {@code reaped} ticks (cutime + cstime, split evenly). */
    public FakeMachine process(long pid, long ppid, String name, long ticks, long started, long reaped) {
        return write(
                "proc/" + pid + "/stat",
                pid + " (" + name + ") S " + ppid + " " + pid + " " + pid + " 0 -1 4194304 100 0 0 0 " + (ticks / 2)
                        + " " + (ticks - ticks / 2) + " " + (reaped / 2) + " " + (reaped - reaped / 2) + " 20 0 1 0 "
                        + started + " 1000000 100");
    }

    /** cgroup v2: benchrun in {@code path}, whose {@code cpu.max} is {@code max} (e.g. {@code 50000 100000}). */
    public FakeMachine cgroupV2(String path, String max) {
        write("sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory pids");
        write("sys/fs/cgroup/cpu.max", "max 100000"); // the root is never limited
        write("sys/fs/cgroup/" + path + "/cpu.max", max);
        return write("proc/self/cgroup", "0::/" + path);
    }

    /** cgroup v1: benchrun in {@code path} of the {@code cpu,cpuacct} hierarchy with this quota and period. */
    public FakeMachine cgroupV1(String path, long quotaMicros, long periodMicros) {
        write("sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "-1");
        write("sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000");
        write("sys/fs/cgroup/cpu,cpuacct/" + path + "/cpu.cfs_quota_us", String.valueOf(quotaMicros));
        write("sys/fs/cgroup/cpu,cpuacct/" + path + "/cpu.cfs_period_us", String.valueOf(periodMicros));
        return write("proc/self/cgroup", "12:memory:/" + path + "\n4:cpu,cpuacct:/" + path + "\n0::/");
    }

    private static int countOf(String list) {
        int n = 0;
        for (String range : list.split(",")) {
            String[] ends = range.split("-");
            n += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
        }
        return n;
    }

    private FakeMachine write(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.endsWith("\n") ? text : text + "\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
