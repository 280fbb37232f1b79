package dev.benchrun.jmh;

import dev.benchrun.BenchrunException;
import dev.benchrun.host.JvmProbe;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Builds the command line of one JMH child process for one plan item. */
public final class JmhArguments {

    private JmhArguments() {}

    public static List<String> command(
            RunPlan.Item item, RunSettings s, Path jar, Path resultFile, List<String> extra) {
        return command(item, s, jar, resultFile, extra, List.of());
    }

    /**
     * @param firstJvmArgs JVM arguments of benchrun's own for the forks, before the settings' (so a
     *     user's own can override them)
     */
    public static List<String> command(
            RunPlan.Item item,
            RunSettings s,
            Path jar,
            Path resultFile,
            List<String> extra,
            List<String> firstJvmArgs) {
        var args = new ArrayList<String>(List.of(
                JvmProbe.currentJava().toString(),
                JmhLock.HELD_BY_PARENT,
                "-jar",
                jar.toString(),
                "^" + Pattern.quote(item.benchmark()) + "$",
                // The item's: the settings', or the benchmark's own annotations (--jmh-annotations),
                // with the warm-up raised where the manifest asks more of this benchmark. Always given,
                // so what the plan shows is what runs, and a @Fork(0) never measures in JMH's own JVM.
                "-f",
                String.valueOf(item.forks()),
                "-wi",
                String.valueOf(item.warmupIterations()),
                "-w",
                item.warmupTime(),
                "-i",
                String.valueOf(item.measurementIterations()),
                "-r",
                item.measurementTime(),
                // Keep going past a failing param combination; benchrun reports it by name.
                "-foe",
                "false",
                "-rf",
                "json",
                "-rff",
                resultFile.toString()));
        for (String profiler : s.profilers()) {
            args.addAll(List.of("-prof", profiler));
        }
        if (s.jvm() != null) {
            args.addAll(List.of("-jvm", s.jvm()));
        }
        // Prepend, so a benchmark's own @Fork(jvmArgsAppend = ...) still applies.
        var forkJvmArgs = new ArrayList<>(firstJvmArgs);
        forkJvmArgs.addAll(s.jvmArgs());
        for (String jvmArg : jvmArgs(forkJvmArgs)) {
            args.addAll(List.of("-jvmArgsPrepend", jvmArg));
        }
        item.params().forEach((name, values) -> args.addAll(List.of("-p", name + "=" + String.join(",", values))));
        if (s.mode() != null) {
            args.addAll(List.of("-bm", s.mode()));
        }
        if (s.timeUnit() != null) {
            args.addAll(List.of("-tu", s.timeUnit()));
        }
        if (s.timeout() != null) {
            args.addAll(List.of("-to", s.timeout()));
        }
        if (s.threads() != null) {
            args.addAll(List.of("-t", String.valueOf(s.threads())));
        }
        args.addAll(extra);
        return args;
    }

    /**
     * The values of one {@code -jvmArgsPrepend} option per JVM argument. JMH takes each value as
     * one argument when the option is given several times, but splits a single value at spaces
     * outside double quotes (dropping the quotes): a lone argument with a space is quoted for it,
     * and one with a double quote cannot be passed at all.
     */
    public static List<String> jvmArgs(List<String> args) {
        if (args.size() != 1) {
            return args;
        }
        String only = args.get(0);
        if (only.contains("\"")) {
            throw BenchrunException.input("JVM argument '" + only + "': JMH cannot pass a double quote in its only"
                    + " JVM argument to the forks; give another JVM argument beside it");
        }
        return List.of(only.contains(" ") ? "\"" + only + "\"" : only);
    }
}
