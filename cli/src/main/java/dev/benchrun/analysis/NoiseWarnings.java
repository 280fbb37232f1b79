package dev.benchrun.analysis;

import dev.benchrun.model.Environment;
import dev.benchrun.model.Noise;
import dev.benchrun.model.NoiseSummary;
import dev.benchrun.model.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the machine's readings say about a run's numbers, after pyperf's "the result may be
 * unstable" checks: each figure past its threshold is one warning naming it. The thresholds are
 * here, once (docs/run-json.md lists them). A {@link Kind#NOISY} finding makes results unstable and
 * is refused by {@code --strict-env}; an {@link Kind#INFO} one is how the machine or the JVM is set up.
 */
public final class NoiseWarnings {

    /** The 1-minute load average before the run may be at most this per online CPU. */
    public static final double LOAD_PER_CPU = 0.5;
    /** CPU time taken by the hypervisor, in % of all CPU time, above which results are unstable. */
    public static final double STEAL_PERCENT = 2.0;
    /** The JIT compiler threads (C1 and C2) a warming fork keeps runnable beside its benchmark threads. */
    public static final int FORK_COMPILER_THREADS = 2;
    /** Another process using more than this share of one CPU, in %, competes with the forks. */
    public static final double BUSY_PERCENT = 10.0;
    /** The busy processes the one-line summary names. */
    private static final int MOST_NAMED = 3;

    /** The governor that keeps the clock speed fixed. */
    public static final String GOVERNOR = "performance";

    /** Whether a finding makes the numbers unstable, or only says how the machine or JVM is set up. */
    public enum Kind {
        NOISY,
        INFO
    }

    /**
     * One figure past its threshold.
     *
     * @param figure the short form, for the one-line summary: {@code load 3.2 on 2 CPUs}
     * @param line the warning: {@code load average 3.2 on 2 CPUs before the run: results may be unstable}
     */
    public record Finding(Kind kind, String figure, String line) {}

    private NoiseWarnings() {}

    /** The threads a fork of the run measures with: its {@code threads} setting, else JMH's default of 1. */
    public static int threads(RunResult run) {
        return run.settings() == null || run.settings().threads() == null
                ? 1
                : run.settings().threads();
    }

    /** Every finding of a run's readings and its forks' arguments, the noisy ones first. */
    public static List<Finding> findings(Environment env, int threads) {
        if (env == null) {
            return List.of();
        }
        return findings(
                env.noise(),
                fallbackCpus(env),
                env.jvm() == null ? List.of() : env.jvm().args(),
                threads);
    }

    /**
     * The findings of readings and of the forks' arguments, the noisy ones first.
     *
     * @param cores the CPUs to count where the readings have no online CPUs
     */
    public static List<Finding> findings(Noise noise, int cores, List<String> jvmArgs, int threads) {
        var noisy = new ArrayList<Finding>();
        var info = new ArrayList<Finding>();
        if (noise != null) {
            int cpus = cpus(noise, cores);
            before(noise.before(), cpus, threads, noisy, info);
            during(noise.during(), cpus, threads, noisy);
        }
        jvm(jvmArgs, info);
        noisy.addAll(info);
        return noisy;
    }

    /** The noisy findings only: what {@code --strict-env} refuses and a comparison warns about. */
    public static List<Finding> noisy(Noise noise, int cores, List<String> jvmArgs, int threads) {
        return findings(noise, cores, jvmArgs, threads).stream()
                .filter(f -> f.kind() == Kind.NOISY)
                .toList();
    }

    /** The run's summary; null for a run without readings (an older benchrun's, another OS's). */
    public static NoiseSummary summary(Environment env, int threads) {
        if (env == null || env.noise() == null) {
            return null;
        }
        var findings = findings(env, threads);
        var noisy = findings.stream().filter(f -> f.kind() == Kind.NOISY).toList();
        var lines = noisy.stream().map(Finding::line).toList();
        var notes = findings.stream()
                .filter(f -> f.kind() == Kind.INFO)
                .map(Finding::line)
                .toList();
        if (!noisy.isEmpty()) {
            return new NoiseSummary(
                    "noisy — " + noisy.stream().map(Finding::figure).collect(Collectors.joining(", ")), lines, notes);
        }
        var parts = new ArrayList<String>();
        Noise.Before b = env.noise().before();
        if (b != null && b.loadAverage() != null) {
            parts.add("load " + one(b.loadAverage()) + " on " + cpus(cpus(env.noise(), fallbackCpus(env))));
        }
        Double steal = maxSteal(env.noise());
        if (steal != null) {
            parts.add(steal < 0.05 ? "no steal" : "steal " + one(steal) + "%");
        }
        if (b != null && b.governors() != null) {
            parts.add((b.governors().size() == 1 ? "governor " : "governors ")
                    + String.join(", ", b.governors().keySet()));
        }
        findings.stream()
                .filter(f -> f.kind() == Kind.INFO && !f.figure().startsWith("governor"))
                .forEach(f -> parts.add(f.figure()));
        return new NoiseSummary(parts.isEmpty() ? "quiet" : "quiet (" + String.join(", ", parts) + ")", lines, notes);
    }

    /**
     * A comparison's warnings about its sides' machines: a side measured while the machine was
     * noisy (said once where both sides were measured together, as in an A/B session), and forks of
     * the two sides on different garbage collectors.
     */
    static List<String> between(RunResult baseline, RunResult candidate) {
        var warnings = new ArrayList<String>();
        String base = reasons(baseline);
        String cand = reasons(candidate);
        if (base != null && base.equals(cand)) {
            warnings.add("both sides were measured on a noisy machine: " + base);
        } else {
            if (base != null) {
                warnings.add("the baseline was measured on a noisy machine: " + base);
            }
            if (cand != null) {
                warnings.add("the candidate was measured on a noisy machine: " + cand);
            }
        }
        String gcA = gc(baseline);
        String gcB = gc(candidate);
        if (gcA != null && gcB != null && !gcA.equals(gcB)) {
            warnings.add("different garbage collectors: " + gcA + " vs " + gcB
                    + "; the allocation and pause costs differ with them");
        }
        return warnings;
    }

    private static String reasons(RunResult run) {
        var noisy = noisyFigures(run);
        return noisy.isEmpty() ? null : String.join(", ", noisy);
    }

    /** The figures that made the machine noisy for this run, e.g. "load 3.2 on 2 CPUs"; empty when quiet. */
    public static List<String> noisyFigures(RunResult run) {
        return findings(run.environment(), threads(run)).stream()
                .filter(f -> f.kind() == Kind.NOISY)
                .map(Finding::figure)
                .toList();
    }

    private static String gc(RunResult run) {
        var env = run.environment();
        return env == null || env.noise() == null ? null : env.noise().gc();
    }

    /** The online CPUs the preflight read, else the CPUs benchrun's JVM saw. */
    private static int cpus(Noise noise, int cores) {
        var b = noise.before();
        return b != null && b.onlineCpus() != null ? b.onlineCpus() : cores;
    }

    private static int fallbackCpus(Environment env) {
        return Math.max(1, env.cores());
    }

    private static void before(Noise.Before b, int cpus, int threads, List<Finding> noisy, List<Finding> info) {
        if (b == null) {
            return;
        }
        if (b.governors() != null) {
            int total =
                    b.governors().values().stream().mapToInt(Integer::intValue).sum();
            b.governors().forEach((governor, count) -> {
                if (!governor.equals(GOVERNOR)) {
                    info.add(new Finding(
                            Kind.INFO,
                            "governor " + governor,
                            "CPU frequency governor " + governor + " on " + count + " of " + total + " CPUs, not "
                                    + GOVERNOR + ": the clock speed may change during the run"));
                }
            });
        }
        if (Boolean.TRUE.equals(b.turbo())) {
            info.add(new Finding(
                    Kind.INFO,
                    "turbo on",
                    "turbo boost is on: the clock speed depends on temperature and on the other CPUs' load"));
        }
        // The load average lags by about a minute, so the run just before this one still counts in
        // it; where the preflight measured how busy the CPUs are now, the load counts only if they are.
        boolean busyNow = b.busyPercent() == null || b.busyPercent() > 100 * LOAD_PER_CPU;
        if (b.loadAverage() != null && b.loadAverage() > cpus * LOAD_PER_CPU && busyNow) {
            String figure = "load " + one(b.loadAverage()) + " on " + cpus(cpus);
            noisy.add(new Finding(
                    Kind.NOISY,
                    figure,
                    "load average " + one(b.loadAverage()) + " on " + cpus(cpus)
                            + " before the run: results may be unstable"));
        }
        steal(b.stealPercent(), "before the run", noisy);
        busy(b.busyProcesses(), "before the run", noisy);
        swap(b.swapIn(), b.swapOut(), "before the run", noisy);
        if (b.cpuQuota() != null && b.cpuQuota() < threads) {
            noisy.add(new Finding(
                    Kind.NOISY,
                    "CPU quota " + two(b.cpuQuota()) + " CPUs",
                    "the container's CPU quota is " + two(b.cpuQuota()) + " CPUs"
                            + (b.cgroup() == null ? "" : " (cgroup " + b.cgroup() + ")")
                            + ", fewer than the " + threads + (threads == 1 ? " thread" : " threads")
                            + " a fork measures with: the forks will be throttled, results may be unstable"));
        }
    }

    private static void during(Noise.During d, int cpus, int threads, List<Finding> noisy) {
        if (d == null) {
            return;
        }
        // A fork itself keeps its benchmark threads and, while it warms up, the JIT's compiler threads
        // runnable: more than that beyond the CPUs is someone else's work.
        if (d.maxRunnable() != null && d.maxRunnable() > cpus + threads + FORK_COMPILER_THREADS) {
            noisy.add(new Finding(
                    Kind.NOISY,
                    d.maxRunnable() + " runnable tasks on " + cpus(cpus),
                    "up to " + d.maxRunnable() + " runnable tasks on " + cpus(cpus)
                            + " during the run: the forks had to wait for a CPU, results may be unstable"));
        }
        steal(d.stealPercent(), "during the run", noisy);
        busy(d.busyProcesses(), "during the run", noisy);
        swap(d.swapIn(), d.swapOut(), "during the run", noisy);
    }

    private static void steal(Double steal, String when, List<Finding> noisy) {
        if (steal != null && steal > STEAL_PERCENT) {
            noisy.add(new Finding(
                    Kind.NOISY,
                    "steal " + one(steal) + "% " + when,
                    "CPU steal " + one(steal) + "% " + when
                            + " (the hypervisor ran other guests on these CPUs): results may be unstable"));
        }
    }

    private static void busy(List<Noise.Busy> processes, String when, List<Finding> noisy) {
        var busy = processes.stream().filter(p -> p.cpuPercent() > BUSY_PERCENT).toList();
        if (busy.isEmpty()) {
            return;
        }
        var named = busy.stream()
                .map(p -> p.name() + " " + String.format(Locale.ROOT, "%.0f%%", p.cpuPercent()))
                .toList();
        String count = busy.size() == 1 ? "1 other process busy" : busy.size() + " other processes busy";
        // The one-line summary names the busiest few; the warning names them all.
        String few = String.join(", ", named.subList(0, Math.min(MOST_NAMED, named.size())))
                + (named.size() > MOST_NAMED ? ", …" : "");
        noisy.add(new Finding(
                Kind.NOISY,
                count + " " + when + " (" + few + ")",
                count + " " + when + " (" + String.join(", ", named) + " of a CPU): results may be unstable"));
    }

    private static void swap(Long in, Long out, String when, List<Finding> noisy) {
        long pages = (in == null ? 0 : in) + (out == null ? 0 : out);
        if (pages > 0) {
            noisy.add(new Finding(
                    Kind.NOISY,
                    "swapping " + when,
                    "swapping " + when + " (" + (in == null ? 0 : in) + " pages in, " + (out == null ? 0 : out)
                            + " out): memory is short, results may be unstable"));
        }
    }

    private static void jvm(List<String> args, List<Finding> info) {
        for (String arg : args) {
            String why = arg.equals("-Xint")
                    ? "the numbers are the interpreter's, not what the JIT makes of the code"
                    : arg.equals("-Xcomp")
                            ? "every method is compiled before its first call, without the profile the JIT normally uses"
                            : tieredStop(arg)
                                    ? "the JIT stops below C2, so the numbers are not those of fully optimised code"
                                    : null;
            if (why != null) {
                info.add(new Finding(Kind.INFO, arg, "the forks run with " + arg + ": " + why));
            }
        }
    }

    /** {@code -XX:TieredStopAtLevel=N} with N below 4, the level of C2. */
    private static boolean tieredStop(String arg) {
        String prefix = "-XX:TieredStopAtLevel=";
        if (!arg.startsWith(prefix)) {
            return false;
        }
        try {
            return Integer.parseInt(arg.substring(prefix.length())) < 4;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Double maxSteal(Noise noise) {
        Double before = noise.before() == null ? null : noise.before().stealPercent();
        Double during = noise.during() == null ? null : noise.during().stealPercent();
        return before == null ? during : during == null ? before : Double.valueOf(Math.max(before, during));
    }

    private static String cpus(int cpus) {
        return cpus + (cpus == 1 ? " CPU" : " CPUs");
    }

    private static String one(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String two(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
