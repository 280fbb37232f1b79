package dev.benchrun.host;

import dev.benchrun.model.JvmInfo;
import dev.benchrun.model.Noise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads how quiet the machine is from {@code /proc} and {@code /sys} (as pyperf's {@code system show}
 * does): governors, turbo, online CPUs, load, runnable tasks, steal, swapping, the cgroup's CPU
 * quota and other busy processes. Reads below a root directory, {@code /} on a real machine, so tests
 * give it a tree of fake files. A reading that cannot be made is null, never an exception.
 */
public final class NoiseProbe {

    /** The time between the preflight's two readings: long enough for a share, short enough not to notice. */
    public static final Duration PREFLIGHT = Duration.ofMillis(300);
    /** How often the sampler reads the machine while a run goes on. */
    public static final Duration SAMPLE_EVERY = Duration.ofSeconds(2);
    /** A process using more than this share of one CPU, in %, is busy. */
    public static final double BUSY_PERCENT = 10.0;
    /** The most busy processes recorded, busiest first. */
    static final int MOST_BUSY = 5;

    private static final Pattern CPU_DIR = Pattern.compile("cpu\\d+");
    private static final Pattern USE_GC = Pattern.compile("-XX:\\+Use(\\w+)GC");

    private final Path root;
    private final long self;
    private final Duration interval;
    private final Duration every;

    /**
     * @param root where {@code proc/} and {@code sys/} are, {@code /} on a real machine
     * @param self the pid of benchrun: it and its descendants (the forks) are not "other processes"
     */
    public NoiseProbe(Path root, long self, Duration interval, Duration every) {
        this.root = root;
        this.self = self;
        this.interval = interval;
        this.every = every;
    }

    /** The machine this benchrun runs on. */
    public static NoiseProbe system() {
        return new NoiseProbe(Path.of("/"), ProcessHandle.current().pid(), PREFLIGHT, SAMPLE_EVERY);
    }

    /** The counters of one moment: what shares and deltas are computed from. */
    public record Reading(
            long nanos,
            Double loadAverage,
            Integer runnable,
            Integer tasks,
            CpuTimes cpu,
            Long swapIn,
            Long swapOut,
            Map<Long, Proc> processes) {}

    /** The {@code cpu} line of {@code /proc/stat}, in clock ticks summed over all CPUs. */
    public record CpuTimes(long total, long idle, long steal, int cpus) {}

    /**
     * One process of {@code /proc/[pid]/stat}: its parent, name, CPU ticks used so far (utime +
     * stime), those of its children it has waited for (cutime + cstime) and when it started (which
     * tells a reused pid from the same process; its name does not: a kernel worker's changes with
     * its work).
     */
    public record Proc(long pid, long ppid, String name, long ticks, long reapedTicks, long started) {}

    /** Whether anything could be read at all; not on an OS without {@code /proc}. */
    static boolean readable(Reading r) {
        return r.loadAverage() != null || r.cpu() != null;
    }

    /** The preflight: two readings {@link #PREFLIGHT} apart. Null where nothing could be read. */
    public Noise.Before before() throws InterruptedException {
        var first = read();
        if (!readable(first)) {
            return null;
        }
        Thread.sleep(interval.toMillis());
        return before(first, read());
    }

    /**
     * The preflight begun, while benchrun goes on and starts the first JMH child: the moment's load,
     * runnable and tasks read now (one small file), both readings on a daemon thread, {@link
     * #PREFLIGHT} apart. What benchrun and its children do in between is left out of the figures
     * (see {@link #before(Reading, Reading)}), so the preflight need not hold the run up.
     */
    public Pending begin() {
        return new Pending(read(false));
    }

    /** A preflight under way: {@link #before()} waits for its second reading. */
    public final class Pending {
        private final Reading moment;
        private final CompletableFuture<Reading> first = new CompletableFuture<>();
        private final Thread thread;
        private volatile Noise.Before result;

        private Pending(Reading moment) {
            this.moment = moment;
            thread = new Thread(this::readings, "benchrun-preflight");
            thread.setDaemon(true);
            thread.start();
        }

        private void readings() {
            Reading one = read();
            first.complete(one);
            if (!readable(one)) {
                return;
            }
            try {
                Thread.sleep(interval.toMillis());
                var two = read();
                var figures = NoiseProbe.this.before(one, two);
                // The moment as it was before benchrun started anything, not with JMH's threads in it.
                result = new Noise.Before(
                        figures.intervalMillis(),
                        figures.onlineCpus(),
                        figures.governors(),
                        figures.turbo(),
                        moment.loadAverage(),
                        moment.runnable(),
                        moment.tasks(),
                        figures.stealPercent(),
                        figures.busyPercent(),
                        figures.swapIn(),
                        figures.swapOut(),
                        figures.cgroup(),
                        figures.cpuQuota(),
                        figures.busyProcesses());
            } catch (InterruptedException e) {
                // abandoned: nothing waits for it
            }
        }

        /** The first reading, once taken: the sampler over the run starts from it. */
        Reading first() {
            return first.join();
        }

        /** The preflight, once its second reading is taken; null where nothing could be read. */
        public Noise.Before before() throws InterruptedException {
            thread.join();
            return result;
        }
    }

    /**
     * The preflight from two readings: the machine's fixed facts, the moment's load, runnable and
     * tasks from the first reading (before benchrun starts anything), and the shares between the
     * two. The CPU time of benchrun and its children (a JMH child starting while the preflight
     * runs, and what benchrun has waited for) is no part of the busy share: it is not noise.
     */
    public Noise.Before before(Reading first, Reading second) {
        return new Noise.Before(
                (second.nanos() - first.nanos()) / 1_000_000,
                onlineCpus(),
                governors(),
                turbo(),
                first.loadAverage(),
                first.runnable(),
                first.tasks(),
                share(first, second, CpuTimes::steal),
                othersBusy(first, second),
                delta(first.swapIn(), second.swapIn()),
                delta(first.swapOut(), second.swapOut()),
                cgroupVersion(),
                cpuQuota(),
                busy(accumulate(new HashMap<>(), first, second), ticksPerCpu(first, second)));
    }

    /** The share of CPU time neither idle nor benchrun's own (nor its children's), in %. */
    private Double othersBusy(Reading a, Reading b) {
        Long total = cpuDelta(a, b);
        if (total == null || total <= 0) {
            return null;
        }
        long busy =
                (b.cpu().total() - b.cpu().idle()) - (a.cpu().total() - a.cpu().idle());
        return round(100.0 * Math.max(0, busy - oursTicks(a, b)) / total);
    }

    /**
     * The ticks benchrun and its descendants used between two readings, with those of the children
     * they waited for in between (git, a probe): a process new in the second reading used all of its.
     */
    long oursTicks(Reading a, Reading b) {
        if (a.processes().isEmpty() || b.processes().isEmpty()) {
            return 0;
        }
        Set<Long> ours = descendants(b.processes());
        long used = 0;
        for (long pid : ours) {
            Proc now = b.processes().get(pid);
            if (now == null) {
                continue;
            }
            Proc then = a.processes().get(pid);
            long before = then == null || then.started() != now.started() ? 0 : then.ticks() + then.reapedTicks();
            used += Math.max(0, now.ticks() + now.reapedTicks() - before);
        }
        return used;
    }

    /** Starts sampling the machine every {@link #SAMPLE_EVERY} on a daemon thread, until {@link Sampler#stop}. */
    public Sampler during() {
        return new Sampler(read());
    }

    /**
     * The same, from the first reading of a preflight begun, taken on the sampler's thread: its
     * first reading is the run's start, and the run's start need not wait for another.
     */
    public Sampler during(Pending preflight) {
        return new Sampler(preflight);
    }

    /** Samples the machine while a run goes on; {@link #stop} ends it and tells what it saw. */
    public final class Sampler implements AutoCloseable {
        private final Map<String, Long> ticksByName = new HashMap<>();
        private final Thread thread;
        private Reading first;
        private Reading last;
        private Double maxLoad;
        private Integer maxRunnable;
        private int samples;
        private Noise.During result;

        private Sampler(Reading first) {
            start(first);
            thread = new Thread(this::loop, "benchrun-noise");
            thread.setDaemon(true);
            thread.start();
        }

        private Sampler(Pending preflight) {
            thread = new Thread(() -> loop(preflight), "benchrun-noise");
            thread.setDaemon(true);
            thread.start();
        }

        private synchronized void start(Reading reading) {
            first = reading;
            last = reading;
            take(reading);
        }

        private void loop(Pending preflight) {
            start(preflight.first()); // not interruptible: stop() waits for the first reading
            loop();
        }

        private void loop() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(every.toMillis());
                    var reading = read();
                    if (Thread.currentThread().isInterrupted()) {
                        break; // stopped while reading: the files read after it failed, so the reading is partial
                    }
                    synchronized (this) {
                        take(reading);
                    }
                }
            } catch (InterruptedException e) {
                // stopped
            }
        }

        private void take(Reading r) {
            samples++;
            maxLoad = max(maxLoad, r.loadAverage());
            maxRunnable = max(maxRunnable, r.runnable());
            if (r != first) {
                accumulate(ticksByName, last, r);
            }
            last = r;
        }

        /** Ends the sampling with one last reading; null where nothing could be read. Once only: later calls repeat it. */
        public Noise.During stop() {
            if (thread.isAlive()) {
                thread.interrupt();
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (this) {
                if (result == null && first != null && readable(first)) {
                    take(read());
                    result = new Noise.During(
                            samples,
                            (last.nanos() - first.nanos()) / 1_000_000,
                            maxLoad,
                            maxRunnable,
                            share(first, last, CpuTimes::steal),
                            delta(first.swapIn(), last.swapIn()),
                            delta(first.swapOut(), last.swapOut()),
                            busy(ticksByName, ticksPerCpu(first, last)));
                }
                return result;
            }
        }

        @Override
        public void close() {
            stop();
        }
    }

    /**
     * The forks' garbage collector: the one their arguments name, else the one the JVM picks.
     *
     * @return e.g. {@code G1}, {@code Z}, {@code Serial}; null when neither says
     */
    public static String gc(JvmInfo jvm, List<String> args) {
        String named = null;
        for (String arg : args) {
            var m = USE_GC.matcher(arg);
            if (m.matches()) {
                named = m.group(1); // the last one given wins, as in the JVM
            }
        }
        return named != null ? named : jvm == null ? null : jvm.gc();
    }

    /** {@code tiered} (the JVM's default), or the forks' arguments that change how it compiles. */
    public static String jit(List<String> args) {
        var flags = args.stream()
                .filter(a -> a.equals("-Xint")
                        || a.equals("-Xcomp")
                        || a.equals("-Xbatch")
                        || a.startsWith("-XX:TieredStopAtLevel=")
                        || a.equals("-XX:-TieredCompilation")
                        || a.equals("-XX:-UseCompiler"))
                .toList();
        return flags.isEmpty() ? "tiered" : String.join(" ", flags);
    }

    /** The counters now. */
    public Reading read() {
        return read(true);
    }

    /** @param all false for the moment's figures only ({@code /proc/loadavg}: one small file) */
    private Reading read(boolean all) {
        long nanos = System.nanoTime();
        String loadavg = firstLine(root.resolve("proc/loadavg"));
        Double load = null;
        Integer runnable = null;
        Integer tasks = null;
        if (loadavg != null) {
            String[] f = loadavg.trim().split("\\s+");
            load = parseDouble(f[0]);
            if (f.length > 3 && f[3].contains("/")) {
                runnable = parseInt(f[3].substring(0, f[3].indexOf('/')));
                tasks = parseInt(f[3].substring(f[3].indexOf('/') + 1));
            }
        }
        if (!all) {
            return new Reading(nanos, load, runnable, tasks, null, null, null, Map.of());
        }
        Map<String, Long> vmstat = vmstat();
        return new Reading(
                nanos, load, runnable, tasks, cpuTimes(), vmstat.get("pswpin"), vmstat.get("pswpout"), processes());
    }

    private CpuTimes cpuTimes() {
        List<String> lines = lines(root.resolve("proc/stat"));
        if (lines == null) {
            return null;
        }
        CpuTimes times = null;
        int cpus = 0;
        for (String line : lines) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long[] v = new long[8];
                for (int i = 0; i < v.length && i + 1 < f.length; i++) {
                    Long n = parseLong(f[i + 1]);
                    if (n == null) {
                        return null;
                    }
                    v[i] = n;
                }
                long total = 0;
                for (long n : v) {
                    total += n; // user nice system idle iowait irq softirq steal; guest is inside user
                }
                times = new CpuTimes(total, v[3] + v[4], v[7], 0);
            } else if (line.startsWith("cpu")) {
                cpus++;
            }
        }
        return times == null ? null : new CpuTimes(times.total(), times.idle(), times.steal(), Math.max(1, cpus));
    }

    private Map<String, Long> vmstat() {
        var values = new HashMap<String, Long>();
        List<String> lines = lines(root.resolve("proc/vmstat"));
        if (lines != null) {
            for (String line : lines) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 2 && (f[0].equals("pswpin") || f[0].equals("pswpout"))) {
                    Long n = parseLong(f[1]);
                    if (n != null) {
                        values.put(f[0], n);
                    }
                }
            }
        }
        return values;
    }

    /** Every process's CPU ticks; cheap: one small file per process. */
    private Map<Long, Proc> processes() {
        var processes = new HashMap<Long, Proc>();
        try (Stream<Path> dirs = Files.list(root.resolve("proc"))) {
            dirs.filter(d -> isPid(d.getFileName().toString())).forEach(d -> {
                Proc p = proc(d);
                if (p != null) {
                    processes.put(p.pid(), p);
                }
            });
        } catch (IOException | RuntimeException e) {
            // no /proc: no processes
        }
        return processes;
    }

    /** {@code pid (comm) state ppid … utime stime … starttime …}; the name may hold spaces and parentheses. */
    static Proc proc(Path dir) {
        String stat = firstLine(dir.resolve("stat"));
        if (stat == null) {
            return null; // it ended between the listing and now
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        Long pid = parseLong(stat.substring(0, open).trim());
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        if (pid == null || f.length < 20) {
            return null;
        }
        Long ppid = parseLong(f[1]);
        Long utime = parseLong(f[11]);
        Long stime = parseLong(f[12]);
        Long cutime = parseLong(f[13]);
        Long cstime = parseLong(f[14]);
        Long started = parseLong(f[19]);
        if (ppid == null || utime == null || stime == null || cutime == null || cstime == null || started == null) {
            return null;
        }
        return new Proc(pid, ppid, stat.substring(open + 1, close), utime + stime, cutime + cstime, started);
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    /**
     * Adds each other process's ticks between two readings to its name's total: benchrun and its
     * descendants (the forks, JMH's launcher) are left out. A process new in the second reading
     * (or a pid reused, with another start time) started between the two, so all its ticks count.
     */
    private Map<String, Long> accumulate(Map<String, Long> byName, Reading a, Reading b) {
        if (a.processes().isEmpty()) {
            return byName; // no table to count from: every process would look new
        }
        Set<Long> ours = descendants(b.processes());
        ours.addAll(descendants(a.processes()));
        for (Proc p : b.processes().values()) {
            if (ours.contains(p.pid())) {
                continue;
            }
            Proc before = a.processes().get(p.pid());
            long used = before == null || before.started() != p.started() ? p.ticks() : p.ticks() - before.ticks();
            if (used > 0) {
                byName.merge(p.name(), used, Long::sum);
            }
        }
        return byName;
    }

    private Set<Long> descendants(Map<Long, Proc> processes) {
        var ours = new HashSet<Long>();
        ours.add(self);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Proc p : processes.values()) {
                if (!ours.contains(p.pid()) && ours.contains(p.ppid())) {
                    ours.add(p.pid());
                    grew = true;
                }
            }
        }
        return ours;
    }

    /** Clock ticks one CPU had between two readings: how much 100% of one CPU is, without assuming USER_HZ. */
    private static Double ticksPerCpu(Reading a, Reading b) {
        Long delta = cpuDelta(a, b);
        return delta == null || delta <= 0 ? null : delta / (double) b.cpu().cpus();
    }

    private static List<Noise.Busy> busy(Map<String, Long> ticksByName, Double ticksPerCpu) {
        if (ticksPerCpu == null) {
            return List.of();
        }
        return ticksByName.entrySet().stream()
                .map(e -> new Noise.Busy(e.getKey(), round(100.0 * e.getValue() / ticksPerCpu)))
                .filter(b -> b.cpuPercent() > BUSY_PERCENT)
                .sorted(Comparator.comparingDouble(Noise.Busy::cpuPercent)
                        .reversed()
                        .thenComparing(Noise.Busy::name))
                .limit(MOST_BUSY)
                .toList();
    }

    private static Long cpuDelta(Reading a, Reading b) {
        if (a.cpu() == null || b.cpu() == null) {
            return null;
        }
        return b.cpu().total() - a.cpu().total();
    }

    /** A counter's share of all CPU time between two readings, in %; null without two readings or time between them. */
    private static Double share(Reading a, Reading b, java.util.function.ToLongFunction<CpuTimes> counter) {
        Long total = cpuDelta(a, b);
        if (total == null || total <= 0) {
            return null;
        }
        return round(100.0 * (counter.applyAsLong(b.cpu()) - counter.applyAsLong(a.cpu())) / total);
    }

    private static Long delta(Long a, Long b) {
        return a == null || b == null ? null : Math.max(0, b - a);
    }

    private Integer onlineCpus() {
        String online = firstLine(root.resolve("sys/devices/system/cpu/online"));
        if (online == null) {
            return null;
        }
        try {
            return CpuAffinity.cpuList(online).size();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Map<String, Integer> governors() {
        var counts = new TreeMap<String, Integer>();
        try (Stream<Path> cpus = Files.list(root.resolve("sys/devices/system/cpu"))) {
            cpus.filter(d -> CPU_DIR.matcher(d.getFileName().toString()).matches())
                    .map(d -> firstLine(d.resolve("cpufreq/scaling_governor")))
                    .filter(g -> g != null && !g.isBlank())
                    .forEach(g -> counts.merge(g.trim(), 1, Integer::sum));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return counts.isEmpty() ? null : counts;
    }

    /** Intel's {@code no_turbo} (1 is off), else cpufreq's {@code boost} (1 is on); null where neither exists. */
    private Boolean turbo() {
        String noTurbo = firstLine(root.resolve("sys/devices/system/cpu/intel_pstate/no_turbo"));
        if (noTurbo != null) {
            return noTurbo.trim().equals("0");
        }
        String boost = firstLine(root.resolve("sys/devices/system/cpu/cpufreq/boost"));
        return boost == null ? null : boost.trim().equals("1");
    }

    private String cgroupVersion() {
        if (Files.exists(root.resolve("sys/fs/cgroup/cgroup.controllers"))) {
            return "v2";
        }
        return v1CpuMount() != null ? "v1" : null;
    }

    /**
     * The CPUs benchrun's cgroup may use: the smallest quota / period on the way from its own cgroup
     * ({@code /proc/self/cgroup}) up to the root; null without a limit or a cgroup.
     */
    private Double cpuQuota() {
        String version = cgroupVersion();
        if (version == null) {
            return null;
        }
        boolean v2 = version.equals("v2");
        Path mount = v2 ? root.resolve("sys/fs/cgroup") : v1CpuMount();
        Double least = null;
        for (Path dir = cgroupDir(mount, v2); dir != null && dir.startsWith(mount); dir = dir.getParent()) {
            Double quota = v2 ? quotaV2(dir) : quotaV1(dir);
            if (quota != null && (least == null || quota < least)) {
                least = quota;
            }
            if (dir.equals(mount)) {
                break;
            }
        }
        return least;
    }

    private Path v1CpuMount() {
        for (String name : List.of("cpu", "cpu,cpuacct", "cpuacct,cpu")) {
            Path dir = root.resolve("sys/fs/cgroup").resolve(name);
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        return null;
    }

    /** The process's own cgroup below the mount ({@code 0::/path} for v2, {@code N:cpu,cpuacct:/path} for v1). */
    private Path cgroupDir(Path mount, boolean v2) {
        List<String> lines = lines(root.resolve("proc/self/cgroup"));
        if (lines != null) {
            for (String line : lines) {
                String[] f = line.split(":", 3);
                if (f.length < 3) {
                    continue;
                }
                boolean match = v2
                        ? f[0].equals("0") && f[1].isEmpty()
                        : List.of(f[1].split(",")).contains("cpu");
                if (match) {
                    String rel = f[2].replaceFirst("^/+", "");
                    Path dir = rel.isEmpty() ? mount : mount.resolve(rel).normalize();
                    return dir.startsWith(mount) && Files.isDirectory(dir) ? dir : mount;
                }
            }
        }
        return mount;
    }

    /** {@code cpu.max}: {@code max 100000} (no limit) or {@code 200000 100000} (two CPUs). */
    private static Double quotaV2(Path dir) {
        String max = firstLine(dir.resolve("cpu.max"));
        if (max == null) {
            return null;
        }
        String[] f = max.trim().split("\\s+");
        if (f.length != 2 || f[0].equals("max")) {
            return null;
        }
        return ratio(parseLong(f[0]), parseLong(f[1]));
    }

    /** {@code cpu.cfs_quota_us} ({@code -1} is no limit) over {@code cpu.cfs_period_us}. */
    private static Double quotaV1(Path dir) {
        String quota = firstLine(dir.resolve("cpu.cfs_quota_us"));
        String period = firstLine(dir.resolve("cpu.cfs_period_us"));
        if (quota == null || period == null) {
            return null;
        }
        return ratio(parseLong(quota.trim()), parseLong(period.trim()));
    }

    private static Double ratio(Long quota, Long period) {
        if (quota == null || period == null || quota <= 0 || period <= 0) {
            return null;
        }
        return round(quota / (double) period);
    }

    private static Integer max(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }

    private static Double max(Double a, Double b) {
        return a == null ? b : b == null ? a : Double.valueOf(Math.max(a, b));
    }

    /** Two decimals are all a reading is good for, and keep run.json readable. */
    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String firstLine(Path file) {
        List<String> lines = lines(file);
        return lines == null || lines.isEmpty() ? null : lines.get(0);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Double parseDouble(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
