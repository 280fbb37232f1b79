package dev.benchrun.engine;

import static java.util.Objects.requireNonNullElse;

import dev.benchrun.BenchrunException;
import dev.benchrun.config.JmhTime;
import dev.benchrun.config.Manifest;
import dev.benchrun.config.Profile;
import dev.benchrun.config.ProfileLoader;
import dev.benchrun.host.JvmProbe;
import dev.benchrun.jmh.Suite;
import dev.benchrun.model.JvmInfo;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunSettings;
import dev.benchrun.store.JvmCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.options.TimeValue;

/** Resolves a request into a plan: suite, selection, profile, overrides, the forks' JVM. */
public final class RunPlanner {

    /** Measured on 2 cores: a fork's JVM start and JMH's per-invocation start. */
    private static final double FORK_OVERHEAD_SECONDS = 0.6;

    static final double INVOCATION_OVERHEAD_SECONDS = 0.7;
    private static final List<String> MODES =
            Arrays.stream(Mode.values()).map(Mode::shortLabel).toList();
    private static final List<String> TIME_UNITS = List.of("ns", "us", "ms", "s", "m", "min");

    private RunPlanner() {}

    public static PlannedRun plan(RunRequest request) {
        return plan(request, "--jvm");
    }

    /** @param jvmOption the option that names the request's JVM, for its errors */
    public static PlannedRun plan(RunRequest request, String jvmOption) {
        return plan(request, jvmOption, null);
    }

    /** @param jvms where the forks' java is known from an earlier run; null to ask it */
    public static PlannedRun plan(RunRequest request, String jvmOption, JvmCache jvms) {
        Suite suite = Suite.load(request.jar(), request.manifest(), request.workingDir());
        List<Suite.Member> selected = suite.select(request.categories(), request.filters());
        Profile profile = new ProfileLoader(request.workingDir()).load(request.profile());
        RunSettings settings = settings(request, profile, suite.jar());
        Path javaPath = settings.jvm() != null ? Path.of(settings.jvm()) : JvmProbe.currentJava();
        JvmInfo jvm = jvm(javaPath, jvmOption, jvms);
        checkParamNames(request.params(), selected);

        var items = new ArrayList<RunPlan.Item>();
        var notes = new ArrayList<String>();
        for (var method : byMethod(selected, settings.mode())) {
            var params = effectiveParams(method.member(), request.params(), jvm, notes);
            if (params == null) {
                continue;
            }
            var own = request.overrides().annotations() ? annotated(settings, request.overrides(), method) : settings;
            items.add(item(method, params, own, notes));
        }
        if (items.isEmpty()) {
            throw BenchrunException.input("nothing to run on " + jvm.version() + ": " + String.join("; ", notes));
        }
        return new PlannedRun(suite, profile, new RunPlan(settings, jvm, items, notes, request.label()));
    }

    /** What the java says it is, from the cache where the same java answered on this machine before. */
    static JvmInfo jvm(Path java, String option, JvmCache jvms) {
        String fingerprint = jvms == null ? null : JvmProbe.fingerprint(java);
        if (fingerprint == null) {
            return JvmProbe.probe(java, option);
        }
        var kept = jvms.get(fingerprint);
        if (kept.isPresent()) {
            var k = kept.get(); // under the path this run names it by: another link to the same java has its own
            return new JvmInfo(
                    java.toString(), k.vendor(), k.version(), k.feature(), k.vmName(), k.vmVersion(), k.gc());
        }
        var probed = JvmProbe.probe(java, option);
        jvms.put(fingerprint, probed);
        return probed;
    }

    /**
     * The shard's part of a plan: the items whose benchmark name {@link Shard#owns} hashes to it, in
     * the plan's order, with the shard in the settings and a note saying how much of the selection
     * it is. A method's param combinations and modes stay together, as one JMH invocation.
     */
    public static PlannedRun shard(PlannedRun planned, Shard shard) {
        var plan = planned.plan();
        var items = plan.items().stream()
                .filter(item -> shard.owns(item.benchmark()))
                .toList();
        int all = plan.items().size();
        if (items.isEmpty()) {
            throw BenchrunException.input("--shard " + shard + ": no benchmark of the " + all + " selected falls in"
                    + " shard " + shard.index() + " of " + shard.count() + "; use fewer shards or a wider selection");
        }
        var notes = new ArrayList<String>();
        notes.add("shard " + shard.index() + " of " + shard.count() + ": " + items.size() + " of the " + all
                + " selected benchmarks");
        // The other shards' benchmarks are not this run's: their notes are theirs.
        var elsewhere = plan.items().stream()
                .filter(item -> !items.contains(item))
                .map(item -> item.id() + ": ")
                .toList();
        plan.notes().stream()
                .filter(note -> elsewhere.stream().noneMatch(note::startsWith))
                .forEach(notes::add);
        return new PlannedRun(
                planned.suite(),
                planned.profile(),
                new RunPlan(plan.settings().withShard(shard.toString()), plan.jvm(), items, notes, plan.label()));
    }

    /**
     * The command line's settings, else the profile's, else JMH's defaults: benchrun passes forks,
     * iterations and times to JMH explicitly, so a benchmark's {@code @Fork}, {@code @Warmup} and
     * {@code @Measurement} decide them only with {@code --jmh-annotations} (see {@link #annotated}),
     * and then the profile's do not. Mode, time unit and threads are passed only when set, so there
     * the benchmark's annotations decide.
     */
    static RunSettings settings(RunRequest request, Profile profile, Path jar) {
        var o = request.overrides();
        var jmh = profile.jmh() != null
                ? profile.jmh()
                : new Profile.Jmh(null, null, null, null, null, null, null, null, null, null);
        if (o.annotations()) {
            // The benchmarks' annotations replace the profile's forks, iterations and times; what is left
            // here is what a benchmark without them runs with: the command line's, else JMH's defaults.
            jmh = new Profile.Jmh(
                    null,
                    null,
                    null,
                    null,
                    null,
                    jmh.mode(),
                    jmh.timeUnit(),
                    jmh.threads(),
                    jmh.profilers(),
                    jmh.timeout());
        }
        int forks = requireNonNullElse(o.forks(), requireNonNullElse(jmh.forks(), Defaults.MEASUREMENT_FORKS));
        if (forks < 1) {
            throw BenchrunException.input(
                    "forks must be at least 1 (got " + forks + "): benchrun never measures in its own JVM");
        }
        int warmups = requireNonNullElse(
                o.warmupIterations(), requireNonNullElse(jmh.warmupIterations(), Defaults.WARMUP_ITERATIONS));
        int iterations = requireNonNullElse(
                o.measurementIterations(),
                requireNonNullElse(jmh.measurementIterations(), Defaults.MEASUREMENT_ITERATIONS));
        if (warmups < 0 || iterations < 1) {
            throw BenchrunException.input("need at least 1 measurement iteration and 0 or more warm-up iterations");
        }
        String fromProfile = "profile '" + profile.name() + "': jmh.";
        String warmupTime = o.warmupTime() != null
                ? time(o.warmupTime(), "--warmup-time")
                : jmh.warmupTime() != null
                        ? time(jmh.warmupTime(), fromProfile + "warmupTime")
                        : spelling(Defaults.WARMUP_TIME);
        String measurementTime = o.measurementTime() != null
                ? time(o.measurementTime(), "--time")
                : jmh.measurementTime() != null
                        ? time(jmh.measurementTime(), fromProfile + "measurementTime")
                        : spelling(Defaults.MEASUREMENT_TIME);
        var profilers = new ArrayList<String>(o.profilers() != null ? o.profilers() : jmh.profilers());
        o.moreProfilers().stream().filter(p -> !profilers.contains(p)).forEach(profilers::add);
        String mode = o.mode() != null ? o.mode() : jmh.mode();
        if (mode != null && !MODES.contains(mode)) {
            throw BenchrunException.input("mode '" + mode + "': use one of " + MODES);
        }
        String timeUnit = o.timeUnit() != null ? o.timeUnit() : jmh.timeUnit();
        if (timeUnit != null && !TIME_UNITS.contains(timeUnit)) {
            throw BenchrunException.input("time unit '" + timeUnit + "': use one of " + TIME_UNITS);
        }
        Integer threads = o.threads() != null ? o.threads() : jmh.threads();
        if (threads != null && threads < 1) {
            throw BenchrunException.input("threads must be at least 1 (got " + threads + ")");
        }
        String timeout = jmh.timeout() == null ? null : time(jmh.timeout(), fromProfile + "timeout");
        var jvmArgs =
                new ArrayList<String>(profile.jvm() != null ? profile.jvm().args() : List.of());
        jvmArgs.addAll(request.jvmArgs());
        String jvm = request.jvm() != null
                ? request.jvm().toString()
                : profile.jvm() != null ? profile.jvm().path() : null;
        return new RunSettings(
                profile.name(),
                forks,
                warmups,
                warmupTime,
                iterations,
                measurementTime,
                mode,
                timeUnit,
                threads,
                profilers,
                jvm,
                jvmArgs,
                request.params(),
                timeout,
                jar.toString(),
                null,
                o.annotations() ? Boolean.TRUE : null);
    }

    /**
     * One benchmark's settings under {@code --jmh-annotations}: its own {@code @Fork}, {@code @Warmup}
     * and {@code @Measurement}, where the command line does not give the value, else what the
     * settings hold (the command line's, else JMH's defaults; a method measured in single-shot mode
     * only gets JMH's single-shot iteration defaults, as JMH would give it).
     */
    static RunSettings annotated(RunSettings s, RunRequest.Overrides o, Method method) {
        var own = method.member().info().annotations();
        boolean singleShot = method.modes().stream().allMatch(Mode.SingleShotTime.shortLabel()::equals);
        String id = method.member().id();
        int forks = o.forks() != null ? s.forks() : requireNonNullElse(own.forks(), s.forks());
        if (forks < 1) {
            throw BenchrunException.input(id + ": its @Fork(" + forks + ") would measure in JMH's own JVM, which"
                    + " benchrun never does; give --forks N");
        }
        int warmups = o.warmupIterations() != null
                ? s.warmupIterations()
                : requireNonNullElse(
                        own.warmupIterations(),
                        singleShot ? Defaults.WARMUP_ITERATIONS_SINGLESHOT : s.warmupIterations());
        int iterations = o.measurementIterations() != null
                ? s.measurementIterations()
                : requireNonNullElse(
                        own.measurementIterations(),
                        singleShot ? Defaults.MEASUREMENT_ITERATIONS_SINGLESHOT : s.measurementIterations());
        if (warmups < 0 || iterations < 1) {
            throw BenchrunException.input(id + ": its @Warmup/@Measurement ask for " + warmups + " warm-up and "
                    + iterations + " measurement iterations; give --iterations N (at least 1)");
        }
        String warmupTime = o.warmupTime() != null || own.warmupTime() == null ? s.warmupTime() : own.warmupTime();
        String measurementTime = o.measurementTime() != null || own.measurementTime() == null
                ? s.measurementTime()
                : own.measurementTime();
        return s.withIterations(forks, warmups, warmupTime, iterations, measurementTime);
    }

    /**
     * A benchmark method and the modes one JMH invocation measures it in.
     *
     * @param member the method's first entry in the jar's list (category, budget and params are the same in every mode)
     */
    record Method(Suite.Member member, List<String> modes) {}

    /**
     * The selected benchmarks, one per method: the jar lists a method once per mode it declares,
     * but one JMH invocation of the method runs every one of them, so running each entry would
     * measure every mode once per mode. With {@code --mode} (or a profile's) JMH runs that mode
     * only ({@code all}: each of JMH's modes).
     */
    static List<Method> byMethod(List<Suite.Member> selected, String mode) {
        var methods = new LinkedHashMap<String, List<Suite.Member>>();
        selected.forEach(m -> methods.computeIfAbsent(m.info().benchmark(), k -> new ArrayList<>())
                .add(m));
        return methods.values().stream()
                .map(members -> new Method(
                        members.get(0),
                        mode == null
                                ? members.stream()
                                        .map(m -> m.info().mode())
                                        .distinct()
                                        .toList()
                                : modes(mode)))
                .toList();
    }

    /** The modes JMH runs for {@code -bm MODE}. */
    private static List<String> modes(String mode) {
        return mode.equals(Mode.All.shortLabel())
                ? Arrays.stream(Mode.values())
                        .filter(m -> m != Mode.All)
                        .map(Mode::shortLabel)
                        .toList()
                : List.of(mode);
    }

    /** The param values to pass, or null when nothing of this benchmark can run on the JVM. */
    private static Map<String, List<String>> effectiveParams(
            Suite.Member member, Map<String, List<String>> requested, JvmInfo jvm, List<String> notes) {
        var params = new LinkedHashMap<String, List<String>>();
        for (var declared : member.info().params().entrySet()) {
            String name = declared.getKey();
            List<String> values = requested.getOrDefault(name, declared.getValue());
            var unsupported =
                    member.entry() == null ? List.<String>of() : member.entry().unsupportedValues(name, jvm.feature());
            var kept = values.stream().filter(v -> !unsupported.contains(v)).toList();
            if (kept.size() < values.size()) {
                notes.add(member.id() + ": " + name + "="
                        + String.join(
                                ",",
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

    static RunPlan.Item item(Method method, Map<String, List<String>> params, RunSettings s, List<String> notes) {
        var member = method.member();
        int combinations = params.values().stream().mapToInt(List::size).reduce(1, (a, b) -> a * b);
        var warmup = warmup(s, member.entry());
        if (warmup.iterations() != s.warmupIterations() || !warmup.time().equals(s.warmupTime())) {
            notes.add(member.id() + ": warm-up raised to " + warmup.iterations() + "×" + warmup.time()
                    + " by the manifest's minWarmup");
        }
        double warmupSeconds = seconds(warmup.time());
        double measurementSeconds = seconds(s.measurementTime());
        double perFork = warmup.iterations() * warmupSeconds
                + s.measurementIterations() * measurementSeconds
                + FORK_OVERHEAD_SECONDS;
        double total = combinations * method.modes().size() * s.forks() * perFork + INVOCATION_OVERHEAD_SECONDS;
        return new RunPlan.Item(
                member.id(),
                member.info().benchmark(),
                member.category(),
                method.modes(),
                params,
                combinations,
                s.forks(),
                warmup.iterations(),
                warmup.time(),
                warmupSeconds,
                s.measurementIterations(),
                s.measurementTime(),
                measurementSeconds,
                Duration.ofMillis(Math.round(total * 1000)));
    }

    /** A benchmark's warm-up: iterations and time. */
    record Warmup(int iterations, String time) {}

    /**
     * The settings' warm-up with the manifest entry's floor under it: each of count and time is the
     * larger of the two, so a profile or the command line can raise a benchmark's warm-up but not
     * lower it below what its manifest says it needs.
     */
    static Warmup warmup(RunSettings s, Manifest.Entry entry) {
        var floor = entry == null ? null : entry.minWarmup();
        if (floor == null) {
            return new Warmup(s.warmupIterations(), s.warmupTime());
        }
        int iterations =
                floor.iterations() == null ? s.warmupIterations() : Math.max(s.warmupIterations(), floor.iterations());
        String time =
                floor.time() != null && seconds(floor.time()) > seconds(s.warmupTime()) ? floor.time() : s.warmupTime();
        return new Warmup(iterations, time);
    }

    /**
     * The plan's benchmarks one param combination in one mode at a time, each one fork: what an A/B
     * session pairs, so that the two forks of a pair measure the same thing back to back.
     */
    static List<RunPlan.Item> singleForks(RunPlan plan) {
        var units = new ArrayList<RunPlan.Item>();
        for (var item : plan.items()) {
            double perFork = item.warmupIterations() * item.warmupSeconds()
                    + item.measurementIterations() * item.measurementSeconds()
                    + FORK_OVERHEAD_SECONDS
                    + INVOCATION_OVERHEAD_SECONDS;
            for (var combination : dev.benchrun.jmh.JmhResults.combinations(item.params())) {
                var params = new LinkedHashMap<String, List<String>>();
                combination.forEach((name, value) -> params.put(name, List.of(value)));
                for (String mode : item.modes()) {
                    units.add(new RunPlan.Item(
                            item.id(),
                            item.benchmark(),
                            item.category(),
                            List.of(mode),
                            params,
                            1,
                            1,
                            item.warmupIterations(),
                            item.warmupTime(),
                            item.warmupSeconds(),
                            item.measurementIterations(),
                            item.measurementTime(),
                            item.measurementSeconds(),
                            Duration.ofMillis(Math.round(perFork * 1000))));
                }
            }
        }
        return units;
    }

    /**
     * One side's single-fork unit of an A/B session, warmed up at least as much as the other
     * side's: where only one jar's manifest raises a benchmark's warm-up, both forks of a pair must
     * still measure after the same warm-up, or the pair compares a warmer JVM with a colder one.
     */
    static RunPlan.Item warmedAsMuchAs(RunPlan.Item unit, RunPlan.Item other) {
        int iterations = Math.max(unit.warmupIterations(), other.warmupIterations());
        boolean longer = other.warmupSeconds() > unit.warmupSeconds();
        String time = longer ? other.warmupTime() : unit.warmupTime();
        double seconds = longer ? other.warmupSeconds() : unit.warmupSeconds();
        if (iterations == unit.warmupIterations() && !longer) {
            return unit;
        }
        double added =
                unit.runs() * unit.forks() * (iterations * seconds - unit.warmupIterations() * unit.warmupSeconds());
        return new RunPlan.Item(
                unit.id(),
                unit.benchmark(),
                unit.category(),
                unit.modes(),
                unit.params(),
                unit.combinations(),
                unit.forks(),
                iterations,
                time,
                seconds,
                unit.measurementIterations(),
                unit.measurementTime(),
                unit.measurementSeconds(),
                unit.estimate().plusMillis(Math.round(added * 1000)));
    }

    private static void checkParamNames(Map<String, List<String>> requested, List<Suite.Member> selected) {
        for (String name : requested.keySet()) {
            boolean known = selected.stream().anyMatch(m -> m.info().params().containsKey(name));
            if (!known) {
                throw BenchrunException.input("--param " + name + ": no selected benchmark has a param '" + name + "'");
            }
        }
    }

    /** A time as JMH's own parser reads it; exit 2 naming the option or profile key otherwise. */
    private static String time(String value, String source) {
        return JmhTime.checked(value, source);
    }

    /** "10s": how JMH reads a time value back. */
    private static String spelling(TimeValue time) {
        return time.getTime() + TimeValue.tuToString(time.getTimeUnit());
    }

    /** Seconds in a time already checked by {@link #time}. */
    static double seconds(String value) {
        return JmhTime.seconds(value);
    }
}
