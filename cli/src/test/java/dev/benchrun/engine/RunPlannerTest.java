package dev.benchrun.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.config.Manifest;
import dev.benchrun.config.Profile;
import dev.benchrun.engine.RunPlanner.Method;
import dev.benchrun.host.JvmProbe;
import dev.benchrun.jmh.BenchmarkInfo;
import dev.benchrun.jmh.JmhArguments;
import dev.benchrun.jmh.Suite;
import dev.benchrun.model.JvmInfo;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunSettings;
import dev.benchrun.store.JvmCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;

class RunPlannerTest {

    private static final Path JAR = Path.of("benchmarks.jar");

    private static RunRequest request(RunRequest.Overrides overrides) {
        return new RunRequest(
                JAR, null, Path.of("."), List.of(), List.of(), null, null, List.of(), null, null, overrides);
    }

    private static Profile profile(Profile.Jmh jmh) {
        return new Profile("p", null, jmh, null, null, null);
    }

    private static Profile.Jmh times(String warmup, String measurement, String timeout) {
        return new Profile.Jmh(2, 3, warmup, 5, measurement, null, null, null, null, timeout);
    }

    /** The jar lists a method once per mode it declares: JMH sample 02's measureMultiple declares four. */
    private static List<Suite.Member> listed(String method, String... modes) {
        return Stream.of(modes)
                .map(mode -> new Suite.Member(
                        new BenchmarkInfo(method, "org.example.Sample." + method, mode, Map.of(), null),
                        "uncategorised",
                        null,
                        null))
                .toList();
    }

    @Test
    void aMethodOfSeveralModesIsOneInvocationInAllOfThem() {
        var selected = new java.util.ArrayList<>(listed("measureMultiple", "thrpt", "avgt", "sample", "ss"));
        selected.addAll(listed("plain", "avgt"));

        var methods = RunPlanner.byMethod(selected, null);

        assertThat(methods)
                .extracting(m -> m.member().id(), RunPlanner.Method::modes)
                .containsExactly(
                        tuple("measureMultiple", List.of("thrpt", "avgt", "sample", "ss")),
                        tuple("plain", List.of("avgt")));
    }

    @Test
    void withModeTheMethodRunsOnceInThatModeOnly() {
        var selected = listed("measureMultiple", "thrpt", "avgt", "sample", "ss");

        assertThat(RunPlanner.byMethod(selected, "avgt"))
                .singleElement()
                .extracting(RunPlanner.Method::modes)
                .isEqualTo(List.of("avgt"));
        assertThat(RunPlanner.byMethod(selected, "all"))
                .singleElement()
                .extracting(RunPlanner.Method::modes)
                .isEqualTo(List.of("thrpt", "avgt", "sample", "ss"));
    }

    @Test
    void whatNeitherCommandLineNorProfileSetsIsJmhsDefault() {
        var s = RunPlanner.settings(request(null), profile(null), JAR);
        assertThat(List.of(s.forks(), s.warmupIterations(), s.measurementIterations()))
                .containsExactly(5, 5, 5);
        assertThat(List.of(s.warmupTime(), s.measurementTime())).containsExactly("10s", "10s");
        assertThat(s.mode()).isNull();
        assertThat(s.timeUnit()).isNull();
        assertThat(s.threads()).isNull();
        assertThat(s.timeout()).isNull();
    }

    /** One avgt method whose manifest entry asks for at least this warm-up. */
    private static Method floored(Integer iterations, String time) {
        var entry =
                new Manifest.Entry("sum", null, null, null, null, List.of(), new Manifest.MinWarmup(iterations, time));
        var info = new BenchmarkInfo("sum", "org.example.fixtures.TinyBench.sum", "avgt", Map.of(), null);
        return new Method(new Suite.Member(info, "datapath", null, entry), List.of("avgt"));
    }

    /** The JMH child's command line for the item, read back by JMH's own parser. */
    private static CommandLineOptions asJmhReadsIt(RunPlan.Item item, RunSettings s) throws Exception {
        var command = JmhArguments.command(item, s, JAR, Path.of("out.json"), List.of());
        return new CommandLineOptions(
                command.subList(command.indexOf("-jar") + 2, command.size()).toArray(String[]::new));
    }

    @Test
    void theEstimateOfModeAllCountsEveryModeJmhRuns() {
        var s = RunPlanner.settings(request(null), profile(times("500ms", "400ms", null)), JAR);
        var selected = listed("measureMultiple", "avgt");
        var one =
                RunPlanner.item(RunPlanner.byMethod(selected, "avgt").get(0), Map.of(), s, new java.util.ArrayList<>());
        var all =
                RunPlanner.item(RunPlanner.byMethod(selected, "all").get(0), Map.of(), s, new java.util.ArrayList<>());

        assertThat(all.runs()).isEqualTo(4);
        // One invocation's overhead (0.7 s) once; every mode's forks and iterations four times.
        assertThat(all.estimate().toMillis() - 700)
                .isEqualTo(4 * (one.estimate().toMillis() - 700));
    }

    @Test
    void theManifestsMinWarmupRaisesALowerProfileAndReachesJmh() throws Exception {
        // The profile warms up 3 × 500ms; the manifest asks at least 5 × 1s.
        var s = RunPlanner.settings(request(null), profile(times("500ms", "400ms", null)), JAR);
        var notes = new java.util.ArrayList<String>();

        var item = RunPlanner.item(floored(5, "1s"), Map.of(), s, notes);

        assertThat(item.warmupIterations()).isEqualTo(5);
        assertThat(item.warmupTime()).isEqualTo("1s");
        assertThat(item.warmupSeconds()).isEqualTo(1.0);
        // 2 forks × (5 × 1 s + 5 × 0.4 s + 0.6 s) + 0.7 s
        assertThat(item.estimate().toMillis()).isEqualTo(15_900);
        assertThat(notes).containsExactly("sum: warm-up raised to 5×1s by the manifest's minWarmup");
        var jmh = asJmhReadsIt(item, s);
        assertThat(jmh.getWarmupIterations().get()).isEqualTo(5);
        assertThat(jmh.getWarmupTime().get()).isEqualTo(TimeValue.seconds(1));
        assertThat(s.warmupIterations())
                .as("the run's settings stay the profile's")
                .isEqualTo(3);
    }

    @Test
    void aHigherProfileOrCommandLineWinsOverTheManifestsMinWarmup() throws Exception {
        var overrides = new RunRequest.Overrides(null, 8, "2s", null, null, null, null, null, null, null, false);
        var s = RunPlanner.settings(request(overrides), profile(times("500ms", "400ms", null)), JAR);
        var notes = new java.util.ArrayList<String>();

        var item = RunPlanner.item(floored(5, "1s"), Map.of(), s, notes);

        assertThat(List.of(item.warmupIterations(), item.warmupTime())).containsExactly(8, "2s");
        assertThat(notes).as("nothing was raised").isEmpty();
        var jmh = asJmhReadsIt(item, s);
        assertThat(jmh.getWarmupIterations().get()).isEqualTo(8);
        assertThat(jmh.getWarmupTime().get()).isEqualTo(TimeValue.seconds(2));
    }

    @Test
    void countAndTimeAreFlooredEachOnItsOwn() {
        // Profile 3 × 500ms.
        var s = RunPlanner.settings(request(null), profile(times("500ms", "400ms", null)), JAR);

        assertThat(RunPlanner.warmup(s, floored(5, "200ms").member().entry()))
                .isEqualTo(new RunPlanner.Warmup(5, "500ms"));
        assertThat(RunPlanner.warmup(s, floored(1, "2s").member().entry())).isEqualTo(new RunPlanner.Warmup(3, "2s"));
        assertThat(RunPlanner.warmup(s, floored(null, "1s").member().entry()))
                .isEqualTo(new RunPlanner.Warmup(3, "1s"));
        assertThat(RunPlanner.warmup(s, floored(4, null).member().entry()))
                .isEqualTo(new RunPlanner.Warmup(4, "500ms"));
        assertThat(RunPlanner.warmup(s, null)).isEqualTo(new RunPlanner.Warmup(3, "500ms"));
        // 1000ms is not longer than 1s: the profile's spelling stays.
        var oneSecond = RunPlanner.settings(request(null), profile(times("1s", "400ms", null)), JAR);
        assertThat(RunPlanner.warmup(oneSecond, floored(null, "1000ms").member().entry()))
                .isEqualTo(new RunPlanner.Warmup(3, "1s"));
    }

    @Test
    void bothSidesOfAnAbPairWarmUpAsTheMoreDemandingSide() {
        // The new jar's manifest asks 5 × 1s of this benchmark, the old jar's nothing (profile 3 × 500ms).
        var s = RunPlanner.settings(request(null), profile(times("500ms", "400ms", null)), JAR);
        var candidate = RunPlanner.item(floored(5, "1s"), Map.of(), s, new java.util.ArrayList<>());
        var baseline = RunPlanner.item(floored(null, null), Map.of(), s, new java.util.ArrayList<>());
        assertThat(baseline.warmupIterations()).isEqualTo(3);

        var warmedBaseline = RunPlanner.warmedAsMuchAs(baseline, candidate);

        assertThat(List.of(warmedBaseline.warmupIterations(), warmedBaseline.warmupTime()))
                .containsExactly(5, "1s");
        assertThat(warmedBaseline.warmupSeconds()).isEqualTo(1.0);
        // 2 forks, each 5 × 1 s instead of 3 × 0.5 s: 7 s more.
        assertThat(warmedBaseline.estimate().minus(baseline.estimate()).toMillis())
                .isEqualTo(7_000);
        assertThat(RunPlanner.warmedAsMuchAs(candidate, baseline)).isSameAs(candidate);
    }

    @Test
    void theCommandLineWinsOverTheProfile() {
        var overrides = new RunRequest.Overrides(1, null, "100ms", 2, null, "thrpt", null, null, null, null, false);
        var s = RunPlanner.settings(request(overrides), profile(times("500ms", "400ms", "10min")), JAR);
        assertThat(List.of(s.forks(), s.warmupIterations(), s.measurementIterations()))
                .containsExactly(1, 3, 2);
        assertThat(List.of(s.warmupTime(), s.measurementTime(), s.timeout()))
                .containsExactly("100ms", "400ms", "10min");
        assertThat(s.mode()).isEqualTo("thrpt");
    }

    private static RunRequest.Overrides annotations(Integer forks, Integer iterations) {
        return new RunRequest.Overrides(forks, null, null, iterations, null, null, null, null, null, null, true);
    }

    /** An avgt method whose jar entry carries these annotation values. */
    private static Method annotatedMethod(BenchmarkInfo.Annotations annotations, String... modes) {
        var info = new BenchmarkInfo("own", "org.example.fixtures.AnnotatedBench.own", modes[0], Map.of(), annotations);
        return new Method(new Suite.Member(info, "uncategorised", null, null), List.of(modes));
    }

    @Test
    void withAnnotationsTheProfilesIterationsGiveWayToJmhsDefaultsAndTheOptionIsRecorded() {
        var s = RunPlanner.settings(request(annotations(null, null)), profile(times("500ms", "400ms", "10min")), JAR);

        assertThat(List.of(s.forks(), s.warmupIterations(), s.measurementIterations()))
                .containsExactly(5, 5, 5);
        assertThat(List.of(s.warmupTime(), s.measurementTime())).containsExactly("10s", "10s");
        assertThat(s.timeout()).as("the rest of the profile still holds").isEqualTo("10min");
        assertThat(s.annotations()).isTrue();
        assertThat(RunPlanner.settings(request(null), profile(null), JAR).annotations())
                .isNull();
    }

    @Test
    void aBenchmarksAnnotationsDecideItsItemAndReachJmh() throws Exception {
        var o = annotations(null, null);
        var s = RunPlanner.settings(request(o), profile(times("500ms", "400ms", null)), JAR);
        var method = annotatedMethod(new BenchmarkInfo.Annotations(1, 2, "50ms", 3, "200ms"), "avgt");

        var own = RunPlanner.annotated(s, o, method);
        var item = RunPlanner.item(method, Map.of(), own, new java.util.ArrayList<>());

        assertThat(List.of(item.forks(), item.warmupIterations(), item.measurementIterations()))
                .containsExactly(1, 2, 3);
        assertThat(List.of(item.warmupTime(), item.measurementTime())).containsExactly("50ms", "200ms");
        // 1 fork × (2 × 0.05 s + 3 × 0.2 s + 0.6 s) + 0.7 s
        assertThat(item.estimate().toMillis()).isEqualTo(2_000);
        var jmh = asJmhReadsIt(item, own);
        assertThat(jmh.getForkCount().get()).isEqualTo(1);
        assertThat(jmh.getWarmupIterations().get()).isEqualTo(2);
        assertThat(jmh.getWarmupTime().get()).isEqualTo(TimeValue.milliseconds(50));
        assertThat(jmh.getMeasurementIterations().get()).isEqualTo(3);
        assertThat(jmh.getMeasurementTime().get()).isEqualTo(TimeValue.milliseconds(200));
    }

    @Test
    void whereTheAnnotationsSayNothingJmhsDefaultsHoldAndSingleShotGetsItsOwn() {
        var o = annotations(null, null);
        var s = RunPlanner.settings(request(o), profile(null), JAR);

        var plain = RunPlanner.annotated(s, o, annotatedMethod(BenchmarkInfo.Annotations.NONE, "avgt"));
        var singleShot = RunPlanner.annotated(s, o, annotatedMethod(BenchmarkInfo.Annotations.NONE, "ss"));

        assertThat(List.of(plain.forks(), plain.warmupIterations(), plain.measurementIterations()))
                .containsExactly(5, 5, 5);
        assertThat(List.of(plain.warmupTime(), plain.measurementTime())).containsExactly("10s", "10s");
        assertThat(List.of(singleShot.forks(), singleShot.warmupIterations(), singleShot.measurementIterations()))
                .containsExactly(5, 0, 1);
    }

    @Test
    void theCommandLineStillWinsOverTheAnnotations() {
        var o = annotations(2, 7);
        var s = RunPlanner.settings(request(o), profile(null), JAR);

        var own = RunPlanner.annotated(
                s, o, annotatedMethod(new BenchmarkInfo.Annotations(1, 2, "50ms", 3, "200ms"), "avgt"));

        assertThat(List.of(own.forks(), own.warmupIterations(), own.measurementIterations()))
                .containsExactly(2, 2, 7);
        assertThat(List.of(own.warmupTime(), own.measurementTime())).containsExactly("50ms", "200ms");
    }

    @Test
    void anAnnotatedForkOfZeroIsRefusedNamingTheBenchmark() {
        var o = annotations(null, null);
        var s = RunPlanner.settings(request(o), profile(null), JAR);
        var inProcess = annotatedMethod(new BenchmarkInfo.Annotations(0, null, null, null, null), "avgt");

        assertThatThrownBy(() -> RunPlanner.annotated(s, o, inProcess))
                .isInstanceOf(BenchrunException.class)
                .hasMessage("own: its @Fork(0) would measure in JMH's own JVM, which benchrun never does; give"
                        + " --forks N")
                .extracting(e -> ((BenchrunException) e).exitCode())
                .isEqualTo(ExitCode.INPUT);
        var one = annotations(1, null);
        var forked = RunPlanner.annotated(RunPlanner.settings(request(one), profile(null), JAR), one, inProcess);
        assertThat(forked.forks()).as("-f 1 overrides it").isEqualTo(1);
    }

    @Test
    void timesAreKeptAsGivenWithoutSpaces() {
        var s = RunPlanner.settings(request(null), profile(times("500 ms", " 2min", "10m")), JAR);
        assertThat(List.of(s.warmupTime(), s.measurementTime(), s.timeout())).containsExactly("500ms", "2min", "10m");
    }

    @ParameterizedTest
    @CsvSource({"500ms, 0.5", "1s, 1", "2min, 120", "10m, 600", "3us, 0.000003", "250ns, 0.00000025"})
    void secondsAreReadAsJmhReadsThem(String time, double seconds) {
        assertThat(RunPlanner.seconds(time)).isCloseTo(seconds, within(1e-15));
    }

    @Test
    void aTimeJmhCannotReadIsOneLineNamingTheOptionOrProfileKey() {
        var fast = new RunRequest.Overrides(null, null, "fast", null, null, null, null, null, null, null, false);
        assertInputError(
                () -> RunPlanner.settings(request(fast), profile(null), JAR),
                "--warmup-time 'fast' is not a time like 500ms, 1s or 2min");
        var negative = new RunRequest.Overrides(null, null, null, null, "-1s", null, null, null, null, null, false);
        assertInputError(
                () -> RunPlanner.settings(request(negative), profile(null), JAR),
                "--time '-1s' is not a time like 500ms, 1s or 2min");
        assertInputError(
                () -> RunPlanner.settings(request(null), profile(times("1.5s", "1s", null)), JAR),
                "profile 'p': jmh.warmupTime '1.5s' is not a time like 500ms, 1s or 2min");
        assertInputError(
                () -> RunPlanner.settings(request(null), profile(times("1s", "ms", null)), JAR),
                "profile 'p': jmh.measurementTime 'ms' is not a time like 500ms, 1s or 2min");
        assertInputError(
                () -> RunPlanner.settings(request(null), profile(times("1s", "1s", "1h")), JAR),
                "profile 'p': jmh.timeout '1h' is not a time like 500ms, 1s or 2min");
        // JMH itself reads the unit by its prefix and would take this as 5 ms.
        assertInputError(
                () -> RunPlanner.settings(request(null), profile(times("5msjunk", "1s", null)), JAR),
                "profile 'p': jmh.warmupTime '5msjunk' is not a time like 500ms, 1s or 2min");
    }

    @Test
    void aZeroTimeIsRefusedAtPlanningNamingTheOptionOrProfileKey() {
        var zeroMeasurement =
                new RunRequest.Overrides(null, null, null, null, "0ms", null, null, null, null, null, false);
        assertInputError(
                () -> RunPlanner.settings(request(zeroMeasurement), profile(null), JAR),
                "--time '0ms' must be longer than zero");
        var zeroWarmup = new RunRequest.Overrides(null, null, "0s", null, null, null, null, null, null, null, false);
        assertInputError(
                () -> RunPlanner.settings(request(zeroWarmup), profile(null), JAR),
                "--warmup-time '0s' must be longer than zero");
        assertInputError(
                () -> RunPlanner.settings(request(null), profile(times("1s", "0", null)), JAR),
                "profile 'p': jmh.measurementTime '0' must be longer than zero");
        assertInputError(
                () -> RunPlanner.settings(request(null), profile(times("1s", "1s", "0min")), JAR),
                "profile 'p': jmh.timeout '0min' must be longer than zero");
    }

    @Test
    void zeroForksOrMeasurementIterationsAreRefused() {
        var noForks = new RunRequest.Overrides(0, null, null, null, null, null, null, null, null, null, false);
        assertInputError(
                () -> RunPlanner.settings(request(noForks), profile(null), JAR),
                "forks must be at least 1 (got 0): benchrun never measures in its own JVM");
        var noIterations = new RunRequest.Overrides(null, null, null, 0, null, null, null, null, null, null, false);
        assertInputError(
                () -> RunPlanner.settings(request(noIterations), profile(null), JAR),
                "need at least 1 measurement iteration and 0 or more warm-up iterations");
    }

    @Test
    void modesAreJmhsShortLabels() {
        var bogus = new RunRequest.Overrides(null, null, null, null, null, "bogus", null, null, null, null, false);
        assertInputError(
                () -> RunPlanner.settings(request(bogus), profile(null), JAR),
                "mode 'bogus': use one of [thrpt, avgt, sample, ss, all]");
    }

    private static void assertInputError(Runnable planning, String message) {
        assertThatThrownBy(planning::run)
                .isInstanceOfSatisfying(
                        BenchrunException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT))
                .hasMessage(message);
    }

    @Test
    void theForksJavaIsAskedOnceAndThenKnownFromTheStoresCache(@TempDir Path store) {
        var cache = new JvmCache(store);
        Path java = JvmProbe.currentJava();
        String fingerprint = JvmProbe.fingerprint(java);
        assertThat(cache.get(fingerprint)).isEmpty();

        var probed = RunPlanner.jvm(java, "--jvm", cache);

        assertThat(probed).isEqualTo(JvmProbe.probe(java));
        assertThat(cache.get(fingerprint)).contains(probed);
        assertThat(RunPlanner.jvm(java, "--jvm", cache)).isEqualTo(probed);
    }

    @Test
    void aKeptAnswerIsUsedWithoutAskingTheJavaUnderThePathTheRunNames(@TempDir Path store) throws Exception {
        var cache = new JvmCache(store);
        Path java = JvmProbe.currentJava();
        // What no real probe answers: seeing it proves the answer came from the cache.
        cache.put(
                JvmProbe.fingerprint(java),
                new JvmInfo("/elsewhere/bin/java", "Kept Vendor", "17.0.99", 17, "Kept VM", "17.0.99+1", "Serial"));
        Path link = Files.createSymbolicLink(store.resolve("java"), java);

        var kept = RunPlanner.jvm(link, "--jvm", cache);

        assertThat(kept)
                .isEqualTo(
                        new JvmInfo(link.toString(), "Kept Vendor", "17.0.99", 17, "Kept VM", "17.0.99+1", "Serial"));
    }

    @Test
    void anExecutableThatIsNoJavaIsStillRefusedAndNothingIsKept(@TempDir Path store) {
        Path notJava = Path.of("/bin/true");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(notJava), "/bin/true exists here");

        assertThatThrownBy(() -> RunPlanner.jvm(notJava, "--jvm", new JvmCache(store)))
                .isInstanceOfSatisfying(
                        BenchrunException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT))
                .hasMessageContaining("is not a java");
        assertThat(new JvmCache(store).get(JvmProbe.fingerprint(notJava))).isEmpty();
    }
}
