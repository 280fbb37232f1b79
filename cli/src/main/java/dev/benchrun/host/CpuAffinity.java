package dev.benchrun.host;

import dev.benchrun.BenchrunException;
import dev.benchrun.model.SessionPlan;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CPUs benchrun may run on, split in two halves, and how a child process is pinned to one of
 * them: Linux's {@code taskset}, whose CPU mask the child's own children (JMH's forks) inherit.
 */
public final class CpuAffinity {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final String ALLOWED = "Cpus_allowed_list:";

    private CpuAffinity() {}

    /** The command that runs {@code command} pinned to the CPUs {@code cpus} ("0", "2,3"). */
    public static List<String> pinned(String cpus, List<String> command) {
        var pinned = new ArrayList<String>(List.of("taskset", "-c", cpus));
        pinned.addAll(command);
        return pinned;
    }

    /**
     * This machine's two halves; exit 2 naming what is missing where they cannot be had.
     *
     * @param option the option that asked for them, for the error
     */
    public static SessionPlan.Duet halves(String option) {
        if (!Files.isReadable(STATUS)) {
            throw BenchrunException.input(option + " pins each fork of a pair to its own CPUs with taskset, which needs"
                    + " Linux (this is " + System.getProperty("os.name") + ")");
        }
        if (!onPath("taskset")) {
            throw BenchrunException.input(
                    option + " pins each fork of a pair to its own CPUs with taskset, which is not"
                            + " on the PATH: install util-linux");
        }
        List<Integer> cpus;
        try {
            cpus = allowed(Files.readAllLines(STATUS));
        } catch (IOException | IllegalArgumentException e) {
            throw BenchrunException.input(option + ": cannot read which CPUs benchrun may use from " + STATUS, e);
        }
        return split(cpus, Runtime.getRuntime().availableProcessors(), option);
    }

    /**
     * The allowed CPUs in two halves, the lower first; exit 2 with fewer than two of them, or fewer
     * than two CPUs' worth of time (a container's CPU quota).
     *
     * @param available the CPUs the JVM sees, affinity and quota both counted: what a fork's JVM
     *     would see unpinned
     */
    static SessionPlan.Duet split(List<Integer> cpus, int available, String option) {
        int usable = Math.min(cpus.size(), available);
        if (usable < 2) {
            throw BenchrunException.input(option + " runs the two forks of a pair at once, one on each of two CPUs;"
                    + " benchrun may use " + usable + " CPU here");
        }
        int half = cpus.size() / 2;
        return new SessionPlan.Duet(list(cpus.subList(0, half)), list(cpus.subList(half, 2 * half)), available);
    }

    /** The CPU ids of {@code Cpus_allowed_list: 0-3,6,8-9} in {@code /proc/self/status}. */
    static List<Integer> allowed(List<String> status) {
        for (String line : status) {
            if (line.startsWith(ALLOWED)) {
                return cpuList(line.substring(ALLOWED.length()));
            }
        }
        throw new IllegalArgumentException("no " + ALLOWED + " line");
    }

    /**
     * The CPU ids of a kernel CPU list such as {@code 0-3,6,8-9}.
     *
     * @throws IllegalArgumentException where it is not one
     */
    static List<Integer> cpuList(String ranges) {
        var cpus = new ArrayList<Integer>();
        for (String range : ranges.trim().split(",")) {
            String[] ends = range.trim().split("-");
            int from = Integer.parseInt(ends[0]);
            int to = ends.length > 1 ? Integer.parseInt(ends[1]) : from;
            for (int cpu = from; cpu <= to; cpu++) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    private static String list(List<Integer> cpus) {
        return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
