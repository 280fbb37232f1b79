package dev.benchrun.engine;

import dev.benchrun.jmh.Suite;

import dev.benchrun.BenchrunException;
import dev.benchrun.config.Profile;
import dev.benchrun.config.ProfileLoader;
import dev.benchrun.host.JvmProbe;
import dev.benchrun.model.JvmInfo;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Resolves a request into a plan: suite, selection, profile, overrides, the forks' JVM. */
public final class RunPlanner {

    /** JMH's own defaults (Defaults.java), used where neither profile nor annotation decides. */
    private static final int JMH_FORKS = 5;
    private static final int JMH_ITERATIONS = 5;
    private static final double JMH_ITERATION_SECONDS = 10;
    /** Measured on 2 cores: a fork's JVM start and JMH's per-invocation start. */
    private static final double FORK_OVERHEAD_SECONDS = 0.6;
    private static final double INVOCATION_OVERHEAD_SECONDS = 0.7;
    /** The time units JMH's -w and -r accept. */
    private static final Pattern TIME_VALUE = Pattern.compile("(\\d+)\\s*(ns|us|ms|s|m|min)");
    private static final List<String> MODES = List.of("thrpt", "avgt", "sample", "ss", "all");
    private static final List<String> TIME_UNITS = List.of("ns", "us", "ms", "s", "m", "min");

    private RunPlanner() {}

    public static PlannedRun plan(RunRequest request) {
        Suite suite = Suite.load(request.jar(), request.manifest(), request.workingDir());
        List<Suite.Member> selected = suite.select(request.categories(), request.filters());
        Profile profile = new ProfileLoader(request.workingDir()).load(request.profile());
        RunSettings settings = settings(request, profile, suite.jar());
        Path javaPath = settings.jvm() != null ? Path.of(settings.jvm()) : JvmProbe.currentJava();
        JvmInfo jvm = JvmProbe.probe(javaPath);
        checkParamNames(request.params(), selected);

        var items = new ArrayList<RunPlan.Item>();
        var notes = new ArrayList<String>();
        for (Suite.Member member : selected) {
            var params = effectiveParams(member, request.params(), jvm, notes);
            if (params == null) {
                continue;
            }
            items.add(item(member, params, settings));
        }
        if (items.isEmpty()) {
            throw BenchrunException.input("nothing to run on " + jvm.version() + ": " + String.join("; ", notes));
        }
        return new PlannedRun(suite, profile, new RunPlan(settings, jvm, items, notes, request.label()));
    }

    private static RunSettings settings(RunRequest request, Profile profile, Path jar) {
        var jmh = profile.jmh() != null ? profile.jmh()
                : new Profile.Jmh(null, null, null, null, null, null, null, null, null, null);
        var o = request.overrides();
        int forks = firstNonNull(o.forks(), jmh.forks(), JMH_FORKS);
        if (forks < 1) {
            throw BenchrunException.input("forks must be at least 1 (got " + forks
                    + "): benchrun never measures in its own JVM");
        }
        int warmups = firstNonNull(o.warmupIterations(), jmh.warmupIterations(), JMH_ITERATIONS);
        int iterations = firstNonNull(o.measurementIterations(), jmh.measurementIterations(), JMH_ITERATIONS);
        if (warmups < 0 || iterations < 1) {
            throw BenchrunException.input("need at least 1 measurement iteration and 0 or more warm-up iterations");
        }
        String warmupTime = checkTime(firstNonNull(o.warmupTime(), jmh.warmupTime(), "10s"), "warm-up time");
        String measurementTime = checkTime(firstNonNull(o.measurementTime(), jmh.measurementTime(), "10s"), "measurement time");
        var profilers = o.profilers() != null ? o.profilers() : jmh.profilers();
        String mode = firstNonNull(o.mode(), jmh.mode(), null);
        if (mode != null && !MODES.contains(mode)) {
            throw BenchrunException.input("mode '" + mode + "': use one of " + MODES);
        }
        String timeUnit = firstNonNull(o.timeUnit(), jmh.timeUnit(), null);
        if (timeUnit != null && !TIME_UNITS.contains(timeUnit)) {
            throw BenchrunException.input("time unit '" + timeUnit + "': use one of " + TIME_UNITS);
        }
        Integer threads = firstNonNull(o.threads(), jmh.threads(), null);
        if (threads != null && threads < 1) {
            throw BenchrunException.input("threads must be at least 1 (got " + threads + ")");
        }
        String timeout = jmh.timeout() == null ? null : checkTime(jmh.timeout(), "timeout");
        var jvmArgs = new ArrayList<String>(profile.jvm() != null ? profile.jvm().args() : List.of());
        jvmArgs.addAll(request.jvmArgs());
        String jvm = request.jvm() != null ? request.jvm().toString()
                : profile.jvm() != null ? profile.jvm().path() : null;
        return new RunSettings(profile.name(), forks, warmups, warmupTime, iterations, measurementTime,
                mode, timeUnit, threads, profilers, jvm, jvmArgs, request.params(), timeout, jar.toString());
    }

    /** The param values to pass, or null when nothing of this benchmark can run on the JVM. */
    private static Map<String, List<String>> effectiveParams(Suite.Member member,
            Map<String, List<String>> requested, JvmInfo jvm, List<String> notes) {
        var params = new LinkedHashMap<String, List<String>>();
        for (var declared : member.info().params().entrySet()) {
            String name = declared.getKey();
            List<String> values = requested.getOrDefault(name, declared.getValue());
            var unsupported = member.entry() == null ? List.<String>of()
                    : member.entry().unsupportedValues(name, jvm.feature());
            var kept = values.stream().filter(v -> !unsupported.contains(v)).toList();
            if (kept.size() < values.size()) {
                notes.add(member.id() + ": " + name + "=" + String.join(",",
                        values.stream().filter(unsupported::contains).toList())
                        + " skipped, the forks' JVM is Java " + jvm.feature());
            }
            if (kept.isEmpty()) {
                return null;
            }
            params.put(name, kept);
        }
        return params;
    }

    private static RunPlan.Item item(Suite.Member member, Map<String, List<String>> params, RunSettings s) {
        int combinations = params.values().stream().mapToInt(List::size).reduce(1, (a, b) -> a * b);
        double warmupSeconds = seconds(s.warmupTime());
        double measurementSeconds = seconds(s.measurementTime());
        double perFork = s.warmupIterations() * warmupSeconds + s.measurementIterations() * measurementSeconds
                + FORK_OVERHEAD_SECONDS;
        double total = combinations * s.forks() * perFork + INVOCATION_OVERHEAD_SECONDS;
        return new RunPlan.Item(member.id(), member.info().benchmark(), member.category(), params, combinations,
                s.forks(), s.warmupIterations(), warmupSeconds,
                s.measurementIterations(), measurementSeconds, Duration.ofMillis(Math.round(total * 1000)));
    }

    private static void checkParamNames(Map<String, List<String>> requested, List<Suite.Member> selected) {
        for (String name : requested.keySet()) {
            boolean known = selected.stream().anyMatch(m -> m.info().params().containsKey(name));
            if (!known) {
                throw BenchrunException.input("--param " + name + ": no selected benchmark has a param '" + name + "'");
            }
        }
    }

    private static String checkTime(String value, String what) {
        if (!TIME_VALUE.matcher(value.trim()).matches()) {
            throw BenchrunException.input(what + " '" + value + "' is not a time like 500ms, 1s or 2min");
        }
        return value.trim().replace(" ", "");
    }

    /** Seconds in a JMH time value such as "500ms". */
    static double seconds(String value) {
        var m = TIME_VALUE.matcher(value);
        if (!m.matches()) {
            throw BenchrunException.input("'" + value + "' is not a time like 500ms or 1s");
        }
        double n = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> n / 1e9;
            case "us" -> n / 1e6;
            case "ms" -> n / 1e3;
            case "s" -> n;
            default -> n * 60; // m, min
        };
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
