package dev.benchrun.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Session;
import dev.benchrun.model.Threshold;
import dev.benchrun.model.Verdict;
import dev.benchrun.stats.SequentialLooks;
import dev.benchrun.stats.SignedRank;
import dev.benchrun.testing.Fixtures;
import dev.benchrun.testing.Synthetic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The paired verdict rules on constructed log ratios ln(candidate / baseline), one per pair, and
 * the comparison of the two sides of a session built from forks with those ratios.
 */
class PairedJudgeTest {

    private static final CompareSettings SETTINGS = Synthetic.SETTINGS; // α 0.05, 95%, noise floor 1%
    private static final Threshold DEFAULT = SETTINGS.thresholdFor("any");
    private static final SequentialLooks LOOKS = new SequentialLooks(List.of(9, 12), 0.05);

    /** n log ratios: {@code shift} plus evenly spaced, distinct, symmetric noise of step {@code step}. */
    private static double[] around(double shift, double step, int n) {
        return IntStream.range(0, n)
                .mapToDouble(k -> shift + step * (k - (n - 1) / 2.0))
                .toArray();
    }

    private static PairedJudge.Evidence evidence(double[] logRatios) {
        return PairedJudge.evidence(logRatios, LOOKS, SETTINGS.confidence(), false);
    }

    @Test
    void aShownChangeIsGradedByTheCategorysThresholds() {
        record Case(double change, Threshold threshold, Verdict verdict) {}
        var crypto = SETTINGS.thresholdFor("crypto"); // 10% / 25%
        for (var c : List.of(
                new Case(0.03, DEFAULT, Verdict.SLOWER),
                new Case(0.07, DEFAULT, Verdict.WARNING),
                new Case(0.15, DEFAULT, Verdict.REGRESSION),
                new Case(0.15, crypto, Verdict.WARNING),
                new Case(0.30, crypto, Verdict.REGRESSION),
                new Case(-0.10, DEFAULT, Verdict.IMPROVEMENT))) {
            // 12 pairs that all moved the same way: p = 2/2¹², the interval well clear of 0.
            var e = evidence(around(Math.log1p(c.change()), 0.002, 12));
            assertThat(e.pValue()).isEqualTo(2 / 4096.0);
            assertThat(e.change().estimate()).isCloseTo(c.change(), within(1e-12));
            assertThat(e.change().excludes(0)).isTrue();
            assertThat(PairedJudge.verdict(e, 0.001, c.threshold(), SETTINGS))
                    .as("%+.0f%%", c.change() * 100)
                    .isEqualTo(c.verdict());
            boolean insideWarning = Math.abs(c.change()) < c.threshold().warning();
            assertThat(PairedJudge.verdict(e, 0.2, c.threshold(), SETTINGS))
                    .as("the same change, not shown (adjusted p 0.2): ~ inside the warning threshold, else undecided")
                    .isEqualTo(insideWarning ? Verdict.NO_CHANGE : Verdict.INCONCLUSIVE);
        }
    }

    @Test
    void anIntervalInsideTheNoiseFloorIsUnchangedAndAChangeShownSmallerThanItIsNeverFlagged() {
        var inside = evidence(around(0, 0.0004, 12));
        assertThat(inside.change().lower()).isGreaterThan(-0.01);
        assertThat(inside.change().upper()).isLessThan(0.01);
        assertThat(PairedJudge.verdict(inside, 1.0, DEFAULT, SETTINGS)).isEqualTo(Verdict.NO_CHANGE);

        // +0.8% in every pair: clearly not 0, but the interval reaches past +1%, so it is not inside.
        var belowFloor = evidence(around(Math.log1p(0.008), 0.001, 12));
        assertThat(belowFloor.pValue()).isEqualTo(2 / 4096.0);
        assertThat(belowFloor.change().upper()).isGreaterThan(0.01);
        assertThat(belowFloor.change().estimate()).isLessThan(0.01);
        assertThat(PairedJudge.verdict(belowFloor, 0.001, DEFAULT, SETTINGS))
                .as("shown to differ by less than the floor")
                .isEqualTo(Verdict.NO_CHANGE);
        assertThat(PairedJudge.verdict(belowFloor, 0.2, DEFAULT, SETTINGS))
                .as("not shown, but inside the warning threshold: it cannot be a warning")
                .isEqualTo(Verdict.NO_CHANGE);
        var tight = new Threshold(0.009, 0.02);
        assertThat(PairedJudge.verdict(belowFloor, 0.2, tight, SETTINGS))
                .as("a margin of the noise floor (a warning threshold below it): undecided")
                .isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aWideIntervalIsInconclusiveAndSaysAboutHowManyMorePairsWouldDecide() {
        double[] d = {0.09, -0.04, 0.12, 0.01, -0.06, 0.08, 0.05, -0.02, 0.04}; // mean +3%, sd 6%
        var e = evidence(d);
        assertThat(e.change().lower()).isLessThan(0);
        assertThat(e.change().upper()).isGreaterThan(0.01);
        assertThat(PairedJudge.verdict(e, e.sequentialPValue(), DEFAULT, SETTINGS))
                .isEqualTo(Verdict.INCONCLUSIVE);

        // An estimate beyond the floor is decided once it is z(1 − α/2m) standard errors from 0:
        // n' = (z·s / estimate)², s the pairs' standard deviation.
        assertThat(e.interval().estimate()).as("beyond the floor").isGreaterThan(Math.log1p(0.01));
        double mean = Arrays.stream(d).average().orElseThrow();
        double s = Math.sqrt(Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / (d.length - 1));
        var normal = NormalDistribution.of(0, 1);
        for (int family : new int[] {1, 4}) {
            double z = normal.inverseSurvivalProbability(0.05 / (2 * family));
            double needed = Math.pow(z * s / e.interval().estimate(), 2);
            assertThat(PairedJudge.morePairs(e, family, PairedJudge.margin(DEFAULT, SETTINGS), SETTINGS))
                    .as("family " + family)
                    .isEqualTo((int) Math.ceil(needed) - d.length)
                    .isPositive();
        }
        assertThat(PairedJudge.morePairs(e, 4, 0.05, SETTINGS))
                .as("a larger family needs more pairs")
                .isGreaterThan(PairedJudge.morePairs(e, 1, 0.05, SETTINGS));
    }

    @Test
    void aLargerFamilyMakesAChangeHarderToStopOn() {
        var settings = withAlpha(0.01);
        var looks = SequentialLooks.earliest(12, 3, 0.01);
        var nine = PairedJudge.evidence(around(0.2, 0.01, 9), looks, settings.confidence(), false);
        // p = 2/2⁹ at the first look, over its share ln(1 + (e − 1)·¾) of α: 0.0047.
        double sequential = 2 / 512.0 / Math.log(1 + (Math.E - 1) * 0.75);
        assertThat(nine.sequentialPValue()).isCloseTo(sequential, within(1e-15));

        assertThat(PairedJudge.stop(nine, looks, settings, 1, null)).isEqualTo(Session.Stop.CHANGED);
        assertThat(PairedJudge.stop(nine, looks, settings, 2, null))
                .as("2 × 0.0047 < 0.01")
                .isEqualTo(Session.Stop.CHANGED);
        assertThat(PairedJudge.stop(nine, looks, settings, 3, null))
                .as("3 × 0.0047 ≥ 0.01: take more pairs")
                .isNull();
        assertThat(PairedJudge.stop(nine, looks, settings, 3, 0.5))
                .as("unless the interval is as narrow as asked")
                .isEqualTo(Session.Stop.PRECISE);

        var twelve = PairedJudge.evidence(around(0.2, 0.01, 12), looks, settings.confidence(), false);
        // min(0.0047, 2/2¹² over the last look's share 1 − 0.828) = 0.0028; × 3 < 0.01.
        assertThat(twelve.sequentialPValue())
                .isCloseTo(2 / 4096.0 / (1 - Math.log(1 + (Math.E - 1) * 0.75)), within(1e-15));
        assertThat(PairedJudge.stop(twelve, looks, settings, 3, null)).isEqualTo(Session.Stop.CHANGED);
        assertThat(PairedJudge.stop(twelve, looks, settings, 4, null))
                .as("4 × 0.0028 ≥ 0.01 at the last look: the schedule ends undecided")
                .isEqualTo(Session.Stop.MOST_PAIRS);

        var same = PairedJudge.evidence(new double[9], looks, settings.confidence(), false);
        assertThat(same.pValue()).as("all pairs equal: nothing to test").isEqualTo(1.0);
        assertThat(PairedJudge.stop(same, looks, settings, 3, null)).isEqualTo(Session.Stop.UNCHANGED);
    }

    @Test
    void onlyTheTwoSidesOfOneSessionArePaired() {
        var base = side("B", session("S", Session.BASELINE, "C"), List.of());
        var cand = side("C", session("S", Session.CANDIDATE, "B"), List.of());
        assertThat(PairedJudge.paired(base, cand)).isTrue();
        assertThat(PairedJudge.paired(base, side("D", session("S", Session.BASELINE, "C"), List.of())))
                .as("the same side twice")
                .isFalse();
        assertThat(PairedJudge.paired(base, side("E", session("T", Session.CANDIDATE, "B"), List.of())))
                .as("another session")
                .isFalse();
        assertThat(PairedJudge.paired(base, side("F", null, List.of()))).isFalse();
        assertThat(PairedJudge.paired(side("G", null, List.of()), cand)).isFalse();
    }

    /**
     * Three benchmarks of one session with the log ratios below, and one whose units do not
     * convert: each judged by its pairs, the sequential p-values adjusted by Benjamini–Hochberg as
     * R's {@code p.adjust(p, "BH")} does, over the three only.
     */
    @Test
    void theTwoSidesOfASessionAreJudgedByTheirPairsAndAdjustedOverTheFamily() {
        double[] slower = around(Math.log1p(0.20), 0.004, 12); // every pair +20%
        double[] mixed = {0.05, 0.04, -0.01, 0.06, 0.03, 0.07, -0.02, 0.045, 0.055}; // 9 pairs, 7 of 9 up
        double[] same = around(0, 0.0002, 9);
        var base = new ArrayList<BenchmarkResult>();
        var cand = new ArrayList<BenchmarkResult>();
        addPairs(base, cand, "slower", "avgt", "us/op", slower);
        addPairs(base, cand, "mixed", "avgt", "ns/op", mixed);
        addPairs(base, cand, "same", "thrpt", "ops/s", same);
        base.add(Synthetic.result("units", "memory", "ss", Synthetic.metric("B/op", forks(9, k -> 100)), null));
        cand.add(Synthetic.result("units", "memory", "ss", Synthetic.metric("ns/op", forks(9, k -> 100)), null));
        var stopped = Map.of(
                "slower[mode=avgt]",
                Session.Stop.MOST_PAIRS,
                "same[mode=thrpt]",
                Session.Stop.UNCHANGED,
                "late[mode=avgt]",
                Session.Stop.TIME);
        var baseRun =
                side("B", new Session("S", Session.BASELINE, "C", Session.ABBA, 12, List.of(9, 12), stopped), base);
        var candRun =
                side("C", new Session("S", Session.CANDIDATE, "B", Session.ABBA, 12, List.of(9, 12), stopped), cand);

        var c = Judge.compare(baseRun, sideOf(baseRun), candRun, sideOf(candRun), SETTINGS);

        // Stopped by the schedule's end, or not recorded: the last pair spends what is left of α; stopped
        // as unchanged: only the looks it passed.
        double[] p = {sequential(slower, true), sequential(mixed, true), sequential(same, false)};
        assertThat(p[2]).as("all within ±0.1%, half each way").isGreaterThan(0.5);
        // Benjamini–Hochberg by hand: sorted p₍₁₎ ≤ p₍₂₎ ≤ p₍₃₎, q₍ᵢ₎ = min over j ≥ i of 3·p₍ⱼ₎ / j.
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        double q3 = sorted[2];
        double q2 = Math.min(q3, 3 * sorted[1] / 2);
        double q1 = Math.min(q2, 3 * sorted[0]);
        double[] q = new double[3];
        for (int i = 0; i < 3; i++) {
            q[i] = p[i] == sorted[0] ? q1 : p[i] == sorted[1] ? q2 : q3;
        }

        assertThat(c.benchmarks()).extracting(Delta::id).containsExactly("slower", "mixed", "same", "units");
        var slowerDelta = c.benchmarks().get(0);
        assertThat(slowerDelta.pValue()).isCloseTo(q[0], within(1e-12));
        assertThat(slowerDelta.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(slowerDelta.change().estimate()).isCloseTo(0.20, within(1e-9));
        assertThat(slowerDelta.pairing().pairs()).isEqualTo(12);
        assertThat(slowerDelta.pairing().stopped()).isEqualTo(Session.Stop.MOST_PAIRS);
        assertThat(slowerDelta.pairing().pValue()).isEqualTo(2 / 4096.0);
        assertThat(slowerDelta.pairing().sequentialPValue()).isCloseTo(p[0], within(1e-15));
        assertThat(slowerDelta.pairing().morePairs()).isNull();
        assertThat(slowerDelta.warnings()).startsWith("12 pairs, stopped: most pairs");

        var mixedDelta = c.benchmarks().get(1);
        assertThat(mixedDelta.pValue()).isCloseTo(q[1], within(1e-12));
        assertThat(mixedDelta.pairing().pValue())
                .isCloseTo(SignedRank.test(mixed).pValue(), within(1e-12));
        assertThat(mixedDelta.pairing().stopped())
                .as("not recorded by the session")
                .isNull();
        assertThat(mixedDelta.warnings()).startsWith("9 pairs");

        var sameDelta = c.benchmarks().get(2);
        assertThat(sameDelta.pValue()).isCloseTo(q[2], within(1e-12));
        assertThat(sameDelta.verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(sameDelta.pairing().stopped()).isEqualTo(Session.Stop.UNCHANGED);

        var unitsDelta = c.benchmarks().get(3);
        assertThat(unitsDelta.verdict()).isEqualTo(Verdict.NOT_COMPARED);
        assertThat(unitsDelta.pairing()).as("judged the unpaired way").isNull();
        assertThat(unitsDelta.pValue()).isNull();

        assertThat(c.pairing()).isEqualTo(new Comparison.Paired("S", "ABBA", 12, List.of(9, 12), "benjamini-hochberg"));
        assertThat(c.expectedFalsePositives())
                .as("the family's false discovery rate")
                .isEqualTo(0.05);
        assertThat(c.notCompared()).containsExactly("units");
        assertThat(c.warnings())
                .as("a benchmark stopped before its first pair is on neither side")
                .containsExactly("late[mode=avgt] has no pair to judge: time spent");
    }

    @Test
    void twoRunsOfTheirOwnAreNotPaired() {
        var base = new ArrayList<BenchmarkResult>();
        var cand = new ArrayList<BenchmarkResult>();
        addPairs(base, cand, "slower", "avgt", "us/op", around(Math.log1p(0.20), 0.004, 12));
        var c = Judge.compare(
                side("B", null, base),
                sideOf(side("B", null, base)),
                side("C", null, cand),
                sideOf(side("C", null, cand)),
                SETTINGS);
        assertThat(c.pairing()).isNull();
        assertThat(c.benchmarks())
                .singleElement()
                .satisfies(d -> assertThat(d.pairing()).isNull());
    }

    private static double sequential(double[] d, boolean endedByPlan) {
        return LOOKS.sequentialPValue(
                endedByPlan ? LOOKS.taken(d.length) : LOOKS.plannedUpTo(d.length),
                n -> SignedRank.test(Arrays.copyOf(d, n)).pValue(),
                endedByPlan);
    }

    /** One benchmark on both sides: baseline forks of mean 10, candidate fork k of mean 10·e^{d_k}. */
    private static void addPairs(
            List<BenchmarkResult> base, List<BenchmarkResult> cand, String id, String mode, String unit, double[] d) {
        boolean throughput = mode.equals("thrpt"); // higher is better: the cost is its inverse
        base.add(Synthetic.result(id, "default", mode, Synthetic.metric(unit, forks(d.length, k -> 10)), null));
        cand.add(Synthetic.result(
                id,
                "default",
                mode,
                Synthetic.metric(unit, forks(d.length, k -> 10 * Math.exp(throughput ? -d[k] : d[k]))),
                null));
    }

    /** n forks of one iteration each, fork k measuring {@code mean.applyAsDouble(k)}. */
    private static List<List<Double>> forks(int n, IntToDoubleFunction mean) {
        return IntStream.range(0, n)
                .mapToObj(k -> List.of(mean.applyAsDouble(k)))
                .toList();
    }

    private static Session session(String id, String side, String otherRun) {
        return new Session(id, side, otherRun, Session.ABBA, 12, List.of(9, 12), Map.of());
    }

    private static RunResult side(String id, Session session, List<BenchmarkResult> results) {
        return new RunResult(
                RunResult.SCHEMA_VERSION,
                id,
                null,
                Instant.parse("2026-11-23T06:00:00Z"),
                Instant.parse("2026-11-23T06:01:00Z"),
                Fixtures.environment(),
                Fixtures.settings(),
                results,
                List.of(),
                false,
                session != null && session.side().equals(Session.BASELINE) ? RunResult.AGAINST : RunResult.RUN,
                session);
    }

    private static Comparison.Side sideOf(RunResult run) {
        return new Comparison.Side(run.id(), run.id(), null, run.started(), null, "17.0.15");
    }

    private static CompareSettings withAlpha(double alpha) {
        return new CompareSettings(
                SETTINGS.profile(),
                alpha,
                SETTINGS.confidence(),
                SETTINGS.noiseFloor(),
                SETTINGS.resamples(),
                SETTINGS.seed(),
                SETTINGS.thresholds());
    }
}
