package dev.benchrun.testing;

import dev.benchrun.analysis.Judge;
import dev.benchrun.analysis.Recommendations;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Session;
import dev.benchrun.stats.SyntheticBenchmark;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The two sides of an A/B session with a known truth, fixed by seeds: pair k's two forks share a
 * level drawn for the pair (the machine's drift), each side's fork settling around it with a
 * change applied to the candidate's; one benchmark of every paired outcome, on the default schedule
 * (α spent at 15 pairs, checks for the margin before it), and one the session stopped before its
 * first pair.
 */
public final class PairedFixtures {

    public static final String BASELINE_ID = "20261123T060000Z-aaaa";
    public static final String CANDIDATE_ID = "20261123T060000Z-abcd";
    /** The session's name of a benchmark it had no time left to pair. */
    public static final String NOT_PAIRED = "key_rotation[mode=avgt]";

    private static final int MAX_PAIRS = 15;

    private PairedFixtures() {}

    /**
     * One benchmark of the session.
     *
     * @param change of the candidate's cost (throughput is divided by 1 + change)
     * @param drift relative spread of the pairs' levels, shared by both forks of a pair
     * @param forkCv relative spread of one fork around its pair's level
     * @param stop why the session stopped it; null for a benchmark it did not record
     */
    private record Spec(
            String id,
            String category,
            String mode,
            String unit,
            double mean,
            double change,
            int pairs,
            double drift,
            double forkCv,
            Session.Stop stop) {}

    private static final List<Spec> SPECS = List.of(
            // Changed: shown only at the last pair, where α is spent.
            new Spec(
                    "x25519_keygen",
                    "crypto",
                    "avgt",
                    "us/op",
                    26.8,
                    0.30,
                    MAX_PAIRS,
                    0.03,
                    0.005,
                    Session.Stop.CHANGED),
            // Unchanged: inside the noise floor at the first check.
            new Spec(
                    "aes256gcm_encrypt_1k", "crypto", "avgt", "us/op", 11.4, 0, 6, 0.03, 0.001, Session.Stop.UNCHANGED),
            new Spec(
                    "packet_throughput",
                    "datapath",
                    "thrpt",
                    "ops/s",
                    60_000,
                    -0.12,
                    MAX_PAIRS,
                    0.03,
                    0.005,
                    Session.Stop.CHANGED),
            // Inconclusive: forks so noisy that the interval still reaches the warning threshold (5%).
            new Spec(
                    "parse_frame",
                    "datapath",
                    "avgt",
                    "ns/op",
                    12.5,
                    0.02,
                    MAX_PAIRS,
                    0.03,
                    0.08,
                    Session.Stop.MOST_PAIRS));

    /** The comparison of the two sides, judged by their pairs. */
    public static Comparison comparison() {
        var base = new ArrayList<BenchmarkResult>();
        var cand = new ArrayList<BenchmarkResult>();
        var stopped = new TreeMap<String, Session.Stop>();
        long seed = 1;
        for (var spec : SPECS) {
            var random = new SplittableRandom(seed++);
            var baseForks = new ArrayList<List<Double>>();
            var candForks = new ArrayList<List<Double>>();
            double candMean =
                    spec.mode().equals("thrpt") ? spec.mean() / (1 + spec.change()) : spec.mean() * (1 + spec.change());
            for (int k = 0; k < spec.pairs(); k++) {
                double level = new SyntheticBenchmark(1, spec.drift(), 0).samples(1, 1, random)[0][0];
                baseForks.add(fork(spec.mean() * level, spec.forkCv(), random));
                candForks.add(fork(candMean * level, spec.forkCv(), random));
            }
            base.add(result(spec, baseForks, spec.id().equals("parse_frame") ? 0.0 : null));
            cand.add(result(spec, candForks, spec.id().equals("parse_frame") ? 0.0 : null));
            stopped.put(spec.id() + "[mode=" + spec.mode() + "]", spec.stop());
        }
        // Units that do not convert: judged the unpaired way, as not compared.
        var bytes = Synthetic.samples(3_000, 0.0, 9, 3, 13);
        base.add(Synthetic.result("connection_state_size", "memory", "ss", Synthetic.metric("B/op", bytes), null));
        cand.add(Synthetic.result("connection_state_size", "memory", "ss", Synthetic.metric("ns/op", bytes), null));
        base.add(Synthetic.result(
                "removed_later", "io", "avgt", Synthetic.metric("us/op", Synthetic.samples(5, 0.01, 9, 3, 11)), null));
        stopped.put(NOT_PAIRED, Session.Stop.TIME);
        var session = new Session(
                CANDIDATE_ID, Session.BASELINE, CANDIDATE_ID, Session.ABBA, MAX_PAIRS, List.of(MAX_PAIRS), stopped);
        var baseline = run(BASELINE_ID, base, RunResult.AGAINST, session);
        var candidate = run(CANDIDATE_ID, cand, RunResult.RUN, session.otherSide(BASELINE_ID));
        var c = Judge.compare(
                baseline,
                new Comparison.Side(
                        BASELINE_ID,
                        BASELINE_ID,
                        null,
                        baseline.started(),
                        "0123456789abcdef0123456789abcdef01234567",
                        "17.0.15"),
                candidate,
                new Comparison.Side(
                        CANDIDATE_ID,
                        CANDIDATE_ID,
                        null,
                        candidate.started(),
                        "fedcba9876543210fedcba9876543210fedcba98",
                        "17.0.15"),
                Synthetic.SETTINGS);
        return c.withRecommendations(Recommendations.of(c));
    }

    /** Three iterations around {@code level}, the fork's own level {@code cv} away from it. */
    private static List<Double> fork(double level, double cv, SplittableRandom random) {
        return Arrays.stream(new SyntheticBenchmark(level, cv, 0.002).samples(1, 3, random)[0])
                .boxed()
                .toList();
    }

    private static BenchmarkResult result(Spec spec, List<List<Double>> forks, Double allocated) {
        var alloc = allocated == null
                ? null
                : Synthetic.metric(
                        "B/op",
                        forks.stream()
                                .map(f -> f.stream().map(v -> allocated).toList())
                                .toList());
        return Synthetic.result(spec.id(), spec.category(), spec.mode(), Synthetic.metric(spec.unit(), forks), alloc);
    }

    private static RunResult run(String id, List<BenchmarkResult> results, String kind, Session session) {
        return new RunResult(
                RunResult.SCHEMA_VERSION,
                id,
                null,
                Instant.parse("2026-11-23T06:00:00Z"),
                Instant.parse("2026-11-23T06:20:00Z"),
                Fixtures.environment(),
                Fixtures.settings(),
                results,
                List.of(),
                false,
                kind,
                session);
    }
}
