package dev.benchrun.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How quiet the machine was for a run: one reading just before the first benchmark, what a
 * sampler saw while the benchmarks ran, and the GC and JIT the forks ran with. Every figure that
 * could not be read (another OS, a container without {@code /sys}) is null (docs/run-json.md).
 *
 * @param before the preflight reading; null where nothing could be read
 * @param during over the whole run; null where nothing could be read
 * @param gc the forks' garbage collector, e.g. {@code G1}: named in their arguments, else the JVM's own choice
 * @param jit {@code tiered} (the JVM's default), or the forks' flags that change the JIT, e.g. {@code -Xint}
 */
public record Noise(Before before, During during, String gc, String jit) {

    /**
     * The machine just before the run, from two readings a short interval apart.
     *
     * @param intervalMillis the time between the two readings the shares and deltas are over
     * @param onlineCpus CPUs the kernel has online ({@code /sys/devices/system/cpu/online})
     * @param governors frequency governor → how many CPUs use it
     * @param turbo true when turbo (Intel) or boost (cpufreq) is on
     * @param loadAverage the 1-minute load average
     * @param runnable tasks running or ready to run, including the one reading them
     * @param tasks all tasks (threads) of the system
     * @param stealPercent CPU time the hypervisor gave to others, % of all CPU time over the interval
     * @param busyPercent CPU time not idle, % of all CPU time over the interval
     * @param swapIn pages swapped in over the interval
     * @param swapOut pages swapped out over the interval
     * @param cgroup {@code v1} or {@code v2}: the cgroup version the quota was read from
     * @param cpuQuota CPUs the cgroup allows (quota / period); null without a limit or a cgroup
     * @param busyProcesses other processes (not benchrun nor its forks) above the busy threshold, busiest first
     */
    public record Before(
            Long intervalMillis,
            Integer onlineCpus,
            Map<String, Integer> governors,
            Boolean turbo,
            Double loadAverage,
            Integer runnable,
            Integer tasks,
            Double stealPercent,
            Double busyPercent,
            Long swapIn,
            Long swapOut,
            String cgroup,
            Double cpuQuota,
            List<Busy> busyProcesses) {

        public Before {
            governors = governors == null ? null : java.util.Collections.unmodifiableMap(new TreeMap<>(governors));
            busyProcesses = busyProcesses == null ? List.of() : List.copyOf(busyProcesses);
        }
    }

    /**
     * The machine while the benchmarks ran, from readings every few seconds.
     *
     * @param samples readings taken, the first at the start and the last at the end of the run
     * @param intervalMillis the time from the first reading to the last
     * @param maxLoadAverage the highest 1-minute load average read
     * @param maxRunnable the most tasks running or ready to run at one reading (the forks' included)
     * @param stealPercent CPU time the hypervisor gave to others, % of all CPU time over the run
     * @param swapIn pages swapped in over the run
     * @param swapOut pages swapped out over the run
     * @param busyProcesses other processes above the busy threshold over the run, by name, busiest first
     */
    public record During(
            int samples,
            Long intervalMillis,
            Double maxLoadAverage,
            Integer maxRunnable,
            Double stealPercent,
            Long swapIn,
            Long swapOut,
            List<Busy> busyProcesses) {

        public During {
            busyProcesses = busyProcesses == null ? List.of() : List.copyOf(busyProcesses);
        }
    }

    /**
     * A process other than benchrun and its forks that used the CPUs.
     *
     * @param name its command name ({@code comm}), e.g. {@code java}, {@code cc1}
     * @param cpuPercent CPU time used, % of one CPU: 100 is one CPU kept busy
     */
    public record Busy(String name, double cpuPercent) {}
}
