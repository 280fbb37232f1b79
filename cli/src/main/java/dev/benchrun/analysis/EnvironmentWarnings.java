package dev.benchrun.analysis;

import dev.benchrun.model.Environment;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.RunSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What makes a comparison of two runs less fair: a side that is not a complete measuring run, and
 * differences between their machines, JVMs and settings.
 */
final class EnvironmentWarnings {

    private EnvironmentWarnings() {}

    static List<String> between(RunResult baseline, RunResult candidate) {
        var warnings = new ArrayList<String>();
        incomplete("baseline", baseline, warnings);
        incomplete("candidate", candidate, warnings);
        Environment a = baseline.environment();
        Environment b = candidate.environment();
        if (a != null && b != null) {
            if (a.cpuModel() != null
                    && b.cpuModel() != null
                    && !a.machineFingerprint().equals(b.machineFingerprint())) {
                warnings.add("different machines: " + machine(a) + " vs " + machine(b));
            }
            if (a.jvm() != null && b.jvm() != null) {
                if (differ(a.jvm().version(), b.jvm().version())
                        || differ(a.jvm().vendor(), b.jvm().vendor())) {
                    warnings.add("different JVMs: " + jvm(a.jvm()) + " vs " + jvm(b.jvm()));
                }
                if (!a.jvm().args().equals(b.jvm().args())) {
                    warnings.add("different JVM args: " + a.jvm().args() + " vs "
                            + b.jvm().args());
                }
            }
        }
        warnings.addAll(NoiseWarnings.between(baseline, candidate));
        RunSettings s = baseline.settings();
        RunSettings t = candidate.settings();
        if (s != null && t != null && !sameMeasurement(s, t)) {
            warnings.add("different settings: " + settings(s) + " vs " + settings(t));
        }
        return warnings;
    }

    /** A side that was interrupted, or made for profiling: named explicitly, since neither is ever 'latest'. */
    private static void incomplete(String side, RunResult run, List<String> warnings) {
        if (run.interrupted()) {
            warnings.add("the " + side + " run " + run.id()
                    + " was interrupted: it holds only the benchmarks that had finished");
        }
        if (RunResult.PROFILE.equals(run.kind())) {
            warnings.add("the " + side + " run " + run.id() + " is a " + run.kind()
                    + " run: its numbers carry the profiler's overhead");
        }
    }

    /** Known on both sides and not equal; an unknown value (e.g. from a plain JMH file) is no difference. */
    private static boolean differ(String a, String b) {
        return a != null && b != null && !a.equals(b);
    }

    private static String jvm(Environment.Jvm jvm) {
        return (jvm.vendor() == null ? "" : jvm.vendor() + " ") + jvm.version();
    }

    private static boolean sameMeasurement(RunSettings s, RunSettings t) {
        return s.forks() == t.forks()
                && s.warmupIterations() == t.warmupIterations()
                && s.measurementIterations() == t.measurementIterations()
                && Objects.equals(s.warmupTime(), t.warmupTime())
                && Objects.equals(s.measurementTime(), t.measurementTime())
                && Objects.equals(s.mode(), t.mode())
                && Objects.equals(s.threads(), t.threads())
                && Objects.equals(s.annotations(), t.annotations());
    }

    private static String settings(RunSettings s) {
        if (s.annotations() != null) {
            return s.profile() + " with each benchmark's own annotations";
        }
        return s.profile() + " " + s.forks() + "f " + s.warmupIterations() + "×" + s.warmupTime() + " + "
                + s.measurementIterations() + "×" + s.measurementTime();
    }

    private static String machine(Environment e) {
        return e.cpuModel() + " ×" + e.cores() + " " + e.os() + " " + e.kernel();
    }
}
