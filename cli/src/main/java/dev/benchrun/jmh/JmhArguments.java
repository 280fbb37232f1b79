package dev.benchrun.jmh;

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

    public static List<String> command(RunPlan.Item item, RunSettings s, Path jar, Path resultFile, List<String> extra) {
        var args = new ArrayList<String>(List.of(
                JvmProbe.currentJava().toString(), JmhLock.HELD_BY_PARENT, "-jar", jar.toString(),
                "^" + Pattern.quote(item.benchmark()) + "$",
                "-f", String.valueOf(s.forks()),
                "-wi", String.valueOf(s.warmupIterations()), "-w", s.warmupTime(),
                "-i", String.valueOf(s.measurementIterations()), "-r", s.measurementTime(),
                // Keep going past a failing param combination; benchrun reports it by name.
                "-foe", "false",
                "-rf", "json", "-rff", resultFile.toString()));
        for (String profiler : s.profilers()) {
            args.addAll(List.of("-prof", profiler));
        }
        if (s.jvm() != null) {
            args.addAll(List.of("-jvm", s.jvm()));
        }
        if (!s.jvmArgs().isEmpty()) {
            // Prepend, so a benchmark's own @Fork(jvmArgsAppend = ...) still applies.
            args.addAll(List.of("-jvmArgsPrepend", String.join(" ", s.jvmArgs())));
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
}
