package dev.benchrun.testing;

import dev.benchrun.analysis.Judge;
import dev.benchrun.analysis.Recommendations;
import dev.benchrun.analysis.ReportAssembler;
import dev.benchrun.model.BenchmarkFailure;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Budget;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Environment;
import dev.benchrun.model.HotspotDiff;
import dev.benchrun.model.Metric;
import dev.benchrun.model.ProfileArtefact;
import dev.benchrun.model.Report;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.RunSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fixed report with every section: a baseline with a regression (with hotspots and a flamegraph),
 * an improvement, budgets met and missed, BC and JDK providers, g1/zgc variants, a history with a
 * step, and a benchmark that threw.
 */
public final class ReportFixtures {

    public static final String RUN_ID = "20261123T061500Z-3fa2";
    public static final String BASELINE_ID = "20261116T061500Z-aaaa";
    private static final Instant START = Instant.parse("2026-11-23T06:15:00Z");

    private ReportFixtures() {}

    /** Per benchmark: its mean cost before and after the step that {@code hkdf_derive} takes. */
    private record Spec(
            String id,
            Map<String, String> params,
            String category,
            String mode,
            String unit,
            String budget,
            double before,
            double after,
            Double bytes) {}

    private static final List<Spec> SPECS = List.of(
            new Spec("x25519_keygen", Map.of("provider", "BC"), "crypto", "avgt", "us/op", "< 50 us", 40, 40, 96.0),
            new Spec("x25519_keygen", Map.of("provider", "JDK"), "crypto", "avgt", "us/op", "< 50 us", 55, 55, 1520.0),
            new Spec("hkdf_derive", Map.of(), "crypto", "avgt", "us/op", "< 10 us", 8, 12, 312.0),
            new Spec("parse_frame", Map.of(), "datapath", "avgt", "ns/op", "< 1 us", 600, 450, 0.0),
            new Spec(
                    "packet_throughput",
                    Map.of(),
                    "datapath",
                    "thrpt",
                    "ops/s",
                    "> 10000 ops/s",
                    12_000,
                    12_000,
                    null));

    public static Environment environment(String commit, String jvmVersion, List<String> jvmArgs) {
        var base = Fixtures.environment();
        return new Environment(
                base.hostname(),
                base.os(),
                base.kernel(),
                base.arch(),
                base.cpuModel(),
                base.cores(),
                base.memoryBytes(),
                base.cpuGovernor(),
                base.loadAverage(),
                new Environment.Jvm(
                        base.jvm().path(),
                        base.jvm().vendor(),
                        jvmVersion,
                        base.jvm().vmName(),
                        base.jvm().vmVersion(),
                        jvmArgs),
                base.jmhVersion(),
                base.benchrunVersion(),
                new Environment.Git(commit, "main", false, null),
                null);
    }

    public static RunSettings settings(String profile) {
        var s = Fixtures.settings();
        return new RunSettings(
                profile,
                s.forks(),
                s.warmupIterations(),
                s.warmupTime(),
                s.measurementIterations(),
                s.measurementTime(),
                null,
                null,
                null,
                s.profilers(),
                null,
                s.jvmArgs(),
                Map.of(),
                s.timeout(),
                s.jar(),
                null,
                null);
    }

    /** One run: each benchmark at its level before or after the step, scaled by {@code factor}. */
    public static RunResult run(
            String id,
            Instant started,
            String commit,
            String profile,
            boolean afterStep,
            double factor,
            long seed,
            List<String> jvmArgs) {
        var results = new ArrayList<BenchmarkResult>();
        long s = seed;
        for (var spec : SPECS) {
            double mean = (afterStep ? spec.after() : spec.before()) * factor;
            var primary = Synthetic.metric(spec.unit(), Synthetic.samples(mean, 0.01, 2, 5, s++));
            var secondary = spec.bytes() == null
                    ? Map.<String, Metric>of()
                    : Map.of(
                            BenchmarkResult.ALLOC_NORM,
                            Synthetic.metric("B/op", Synthetic.samples(spec.bytes(), 0, 2, 5, s++)));
            var profiles = afterStep && spec.id().equals("hkdf_derive") && id.equals(RUN_ID)
                    ? List.of(new ProfileArtefact("cpu", "flamegraph", "profiles/hkdf_derive/cpu-flamegraph.html"))
                    : List.<ProfileArtefact>of();
            results.add(new BenchmarkResult(
                    spec.id(),
                    "dev.benchrun.suites.Crypto." + spec.id(),
                    spec.params(),
                    spec.mode(),
                    1,
                    spec.category(),
                    Budget.parse(spec.budget()),
                    null,
                    withError(primary),
                    secondary,
                    profiles,
                    null,
                    // Wall times as a run measures them: a few seconds for each benchmark's forks.
                    2.0 + results.size() * 0.25));
        }
        var failures = id.equals(RUN_ID)
                ? List.of(new BenchmarkFailure(
                        "mlkem768_decap",
                        "dev.benchrun.suites.Crypto.mlkem768_decap",
                        Map.of(),
                        "java.lang.IllegalStateException: fork crashed"))
                : List.<BenchmarkFailure>of();
        return new RunResult(
                RunResult.SCHEMA_VERSION,
                id,
                id.equals(RUN_ID) ? "nightly" : null,
                started,
                started.plus(Duration.ofMinutes(3)),
                environment(commit, "17.0.15", jvmArgs),
                settings(profile),
                results,
                failures,
                false);
    }

    private static Metric withError(Metric m) {
        return new Metric(m.score(), m.score() * 0.02, m.unit(), m.forks(), m.percentiles());
    }

    public static RunResult candidate() {
        return run(RUN_ID, START, commit(9), "quick", true, 1.0, 100, List.of());
    }

    public static RunResult baseline() {
        return run(BASELINE_ID, START.minus(Duration.ofDays(7)), commit(1), "quick", false, 1.0, 200, List.of());
    }

    /** The comparison, with hotspots on the regression as a profile of it would give. */
    public static Comparison comparison() {
        var side =
                new Comparison.Side("main", BASELINE_ID, null, START.minus(Duration.ofDays(7)), commit(1), "17.0.15");
        var candidateSide = new Comparison.Side(RUN_ID, RUN_ID, "nightly", START, commit(9), "17.0.15");
        var c = Judge.compare(baseline(), side, candidate(), candidateSide, Synthetic.SETTINGS);
        var deltas = c.benchmarks().stream()
                .map(d -> d.id().equals("hkdf_derive")
                        ? d.withProfile(
                                List.of(
                                        new HotspotDiff(
                                                "org.bouncycastle.crypto.digests.SHA256Digest.processBlock",
                                                0.31,
                                                0.44,
                                                0.31,
                                                0.44),
                                        new HotspotDiff(
                                                "dev.benchrun.suites.zp.crypto.Hkdf.expand", 0.12, 0.15, 0.12, 0.15)),
                                null)
                        : d)
                .toList();
        var profiled = c.withBenchmarks(deltas);
        return profiled.withRecommendations(Recommendations.of(profiled));
    }

    /** Eight runs a day apart ending with the candidate; {@code hkdf_derive} steps up by 50% at the fifth. */
    public static List<RunResult> history() {
        var runs = new ArrayList<RunResult>();
        for (int i = 0; i < 7; i++) {
            var started = START.minus(Duration.ofDays(7 - i));
            String id = i == 0 ? BASELINE_ID : String.format("202611%02dT061500Z-%04x", 16 + i, i);
            runs.add(
                    i == 0
                            ? baseline()
                            : run(id, started, commit(i + 1), "quick", i >= 4, 1.0, 300 + 20L * i, List.of()));
        }
        runs.add(candidate());
        return runs;
    }

    /** The candidate and two runs of the same commit under g1 and zgc. */
    public static List<RunResult> variants() {
        return List.of(
                candidate(),
                run(
                        "20261123T062000Z-0b01",
                        START.plus(Duration.ofMinutes(5)),
                        commit(9),
                        "g1",
                        true,
                        1.04,
                        400,
                        List.of("-XX:+UseG1GC")),
                run(
                        "20261123T062500Z-0b02",
                        START.plus(Duration.ofMinutes(10)),
                        commit(9),
                        "zgc",
                        true,
                        0.97,
                        500,
                        List.of("-XX:+UseZGC")));
    }

    public static Report report() {
        return ReportAssembler.assemble(new ReportAssembler.Sources(
                candidate(),
                comparison(),
                Synthetic.SETTINGS,
                variants(),
                history(),
                20,
                "../.benchrun/runs/" + RUN_ID));
    }

    /** The run alone: no baseline, variants or history. */
    public static Report plainReport() {
        return ReportAssembler.assemble(new ReportAssembler.Sources(
                candidate(), null, Synthetic.SETTINGS, List.of(), null, 0, ".benchrun/runs/" + RUN_ID));
    }

    static String commit(int n) {
        return String.valueOf(n).repeat(40).substring(0, 40);
    }
}
