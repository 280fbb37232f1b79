package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.engine.RunRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** How to run: profile, JVM, params and JMH settings that override the profile. Shared by run and profile. */
public final class ExecutionOptions {

    @Option(
            names = "--profile",
            paramLabel = "NAME|FILE",
            completionCandidates = StoredNames.Profiles.class,
            description =
                    "Run preset: quick (default; pairs with --against), ci, full, g1, parallel, zgc, pairs, or a YAML file.")
    String profile;

    @Option(names = "--jvm", paramLabel = "PATH", description = "The java executable for the forks, e.g. another JDK.")
    Path jvm;

    @Option(
            names = "--jvm-args",
            paramLabel = "ARGS",
            description = "Extra JVM arguments for the forks, split like a shell does, e.g. \"-Xmx2g -Dmsg='a b'\".")
    String jvmArgs;

    @Option(
            names = "--param",
            paramLabel = "NAME=V1[,V2]",
            converter = PrintableText.class,
            description = "Param values to run with (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(
            names = {"-f", "--forks"},
            paramLabel = "N",
            description = "Forked JVMs per benchmark (at least 1).")
    Integer forks;

    @Option(
            names = {"--warmup-iterations", "-wi"},
            paramLabel = "N",
            description = "Warm-up iterations per fork.")
    Integer warmupIterations;

    @Option(
            names = {"--warmup-time", "-w"},
            paramLabel = "TIME",
            description = "Time per warm-up iteration, e.g. 500ms.")
    String warmupTime;

    @Option(
            names = {"--iterations", "-i"},
            paramLabel = "N",
            description = "Measurement iterations per fork.")
    Integer iterations;

    @Option(
            names = {"--time", "-r"},
            paramLabel = "TIME",
            description = "Time per measurement iteration, e.g. 1s.")
    String time;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description = "JMH mode for all benchmarks: thrpt, avgt, sample, ss.")
    String mode;

    @Option(names = "--time-unit", paramLabel = "UNIT", description = "Output time unit: ns, us, ms, s.")
    String timeUnit;

    @Option(names = "--threads", paramLabel = "N", description = "Benchmark threads.")
    Integer threads;

    @Option(
            names = "--prof",
            paramLabel = "NAME[:OPTS]",
            converter = PrintableText.class,
            description = "A JMH profiler beside the profile's, as JMH's -prof takes it, e.g. stack, perfnorm,"
                    + " gc; repeatable. async-profiler is benchrun profile's.")
    List<String> prof;

    @Option(
            names = "--jmh-annotations",
            description = "Use each benchmark's own @Fork/@Warmup/@Measurement (and JMH's defaults where it has none)"
                    + " instead of the profile's forks, iterations and times; -f, -wi, -w, -i and -r still win.")
    boolean annotations;

    RunRequest request(Context context, SelectionOptions selection, String label) {
        var overrides = new RunRequest.Overrides(
                forks,
                warmupIterations,
                warmupTime,
                iterations,
                time,
                mode,
                timeUnit,
                threads,
                null,
                profilers(),
                annotations);
        return new RunRequest(
                selection.jar(context),
                selection.manifest(context),
                context.workingDir(),
                selection.categories,
                selection.filters,
                profile,
                jvm == null ? null : context.workingDir().resolve(jvm),
                splitArgs(jvmArgs, "--jvm-args"),
                params(params),
                label,
                overrides);
    }

    private List<String> profilers() {
        if (prof == null) {
            return List.of();
        }
        for (String p : prof) {
            String name = p.contains(":") ? p.substring(0, p.indexOf(':')) : p;
            if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
                throw BenchrunException.input("--prof '" + p + "': give a JMH profiler's name, e.g. stack or gc:OPTS");
            }
            if (name.equals("async")) {
                throw BenchrunException.input(
                        "--prof async: async-profiler is attached by 'benchrun profile' (flame graphs and hotspots)");
            }
        }
        return prof;
    }

    static List<String> splitArgs(String args, String option) {
        if (args == null) {
            return List.of();
        }
        try {
            return ShellWords.split(args);
        } catch (IllegalArgumentException e) {
            throw BenchrunException.input(option + " '" + args + "': " + e.getMessage());
        }
    }

    private static Map<String, List<String>> params(List<String> specs) {
        var params = new LinkedHashMap<String, List<String>>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw BenchrunException.input("--param '" + spec + "': expected NAME=VALUE or NAME=V1,V2");
            }
            params.put(spec.substring(0, eq), List.of(spec.substring(eq + 1).split(",")));
        }
        return params;
    }
}
