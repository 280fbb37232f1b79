package dev.benchrun.analysis;

import static dev.benchrun.testing.Synthetic.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.model.Comparison;
import dev.benchrun.model.HotspotDiff;
import dev.benchrun.model.Metric;
import dev.benchrun.model.Recommendation;
import dev.benchrun.model.Recommendation.Kind;
import dev.benchrun.model.RunResult;
import dev.benchrun.testing.PairedFixtures;
import dev.benchrun.testing.Synthetic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of recommendation, from the figure that triggers it; none where the verdict stands. */
class RecommendationsTest {

    private static final Comparison.Side SIDE = new Comparison.Side("s", "s", null, null, null, null);

    /** A run of "work": each fork's iterations around {@code mean}, forks as given. */
    private static RunResult run(String id, Metric alloc, double... forkMeans) {
        var forks = new ArrayList<List<Double>>();
        for (double m : forkMeans) {
            forks.add(List.of(m * 0.999, m, m * 1.001));
        }
        return Synthetic.run(
                id, List.of(Synthetic.result("work", "crypto", "avgt", Synthetic.metric("ns/op", forks), alloc)));
    }

    private static RunResult run(String id, double... forkMeans) {
        return run(id, null, forkMeans);
    }

    private static List<Kind> kinds(Comparison c) {
        return Recommendations.of(c).stream().map(Recommendation::kind).toList();
    }

    @Test
    void aBaselineOfFewDriftingRunsThatCannotDecideSendsToTheAbPathAndToMoreRuns() {
        var baseline = List.of(run("b1", 100, 101), run("b2", 109, 110), run("b3", 95, 96));
        var c = Judge.compare(baseline, SIDE, List.of(run("c", 108, 109)), SIDE, SETTINGS);
        assertThat(c.benchmarks().get(0).verdict().label()).isEqualTo("INCONCLUSIVE");
        var all = Recommendations.of(c);
        assertThat(all).extracting(Recommendation::kind).containsExactly(Kind.AB_PATH, Kind.MORE_BASELINE_RUNS);
        assertThat(all.get(0).evidence()).contains("reaches past ±10.0%", "the baseline's 3 runs drift ±");
        assertThat(all.get(1).evidence()).startsWith("3 baseline runs estimate the drift on 2 degrees of freedom");
    }

    @Test
    void aChangeFlaggedAgainstOneRunAsksToBeConfirmed() {
        var c = Judge.compare(run("b", 100, 100.5), SIDE, run("c", 120, 120.5), SIDE, SETTINGS);
        var all = Recommendations.of(c);
        assertThat(all).extracting(Recommendation::kind).containsExactly(Kind.AB_PATH);
        assertThat(all.get(0).evidence()).startsWith("WARNING +20.0% against one baseline run");
        assertThat(kinds(Judge.compare(run("b", 100, 100.5), SIDE, run("c", 200, 200.5), SIDE, SETTINGS)))
                .as("a doubled cost is past twice the fail threshold: no drift makes that")
                .isEmpty();
    }

    @Test
    void anAllocationThatGrewAndAFrameThatGrewAreNamed() {
        var none = Synthetic.metric("B/op", List.of(List.of(0.0, 0.0), List.of(0.0, 0.0)));
        var some = Synthetic.metric("B/op", List.of(List.of(24.0, 24.0), List.of(24.0, 24.0)));
        var c = Judge.compare(run("b", none, 100, 100.5), SIDE, run("c", some, 100, 100.5), SIDE, SETTINGS);
        var profiled = c.withBenchmarks(c.benchmarks().stream()
                .map(d -> d.withProfile(List.of(new HotspotDiff("a.B.grow", 0.1, 0.3, 0.1, 0.3)), null))
                .toList());
        var all = Recommendations.of(profiled);
        assertThat(all).extracting(Recommendation::kind).containsExactly(Kind.ALLOCATION, Kind.HOTSPOT);
        assertThat(all.get(0).advice()).isEqualTo("find what allocates: benchrun profile work --event alloc");
        assertThat(all.get(0).evidence()).isEqualTo("B/op grew from 0 to 24 (allocated nothing, now 24 B/op)");
        assertThat(all.get(1).advice()).isEqualTo("look at a.B.grow");
        assertThat(all.get(1).evidence()).startsWith("it grew +20.0 percentage points of the time (10.0% → 30.0%)");
    }

    @Test
    void anAllocationThatFellIsNotSentToTheAllocationProfiler() {
        var more = Synthetic.metric("B/op", List.of(List.of(11.0, 11.2), List.of(11.1, 11.0)));
        var less = Synthetic.metric("B/op", List.of(List.of(2.0, 2.1), List.of(2.0, 2.05)));
        var c = Judge.compare(run("b", more, 100, 100.5), SIDE, run("c", less, 100, 100.5), SIDE, SETTINGS);
        assertThat(c.benchmarks().get(0).allocation().verdict()).isEqualTo(dev.benchrun.model.Verdict.IMPROVEMENT);

        // Not "B/op grew from 11 to 2 (-81.6% B/op)": an allocation that fell needs no hunt.
        assertThat(Recommendations.of(c)).extracting(Recommendation::kind).doesNotContain(Kind.ALLOCATION);
    }

    @Test
    void anUndecidedPairedBenchmarkAsksForMorePairs() {
        var all = Recommendations.of(PairedFixtures.comparison());
        assertThat(all).extracting(Recommendation::kind).containsExactly(Kind.MORE_PAIRS);
        assertThat(all.get(0).advice()).startsWith("run the session with --max-pairs ");
    }

    @Test
    void aVerdictThatStandsOnItsEvidenceGetsNone() {
        var quiet = List.of(
                run("b1", 100, 100.2),
                run("b2", 100.1, 100.3),
                run("b3", 99.9, 100.1),
                run("b4", 100, 100.2),
                run("b5", 100.1, 100.2));
        assertThat(kinds(Judge.compare(quiet, SIDE, List.of(run("c", 100, 100.2)), SIDE, SETTINGS)))
                .isEmpty();
        assertThat(kinds(Judge.compare(run("b", 100, 100.5), SIDE, run("c", 100, 100.5), SIDE, SETTINGS)))
                .as("unchanged against one run: nothing to confirm")
                .isEmpty();
    }

    @Test
    void forksThatStillTrendAskForALongerWarmUpNamingTheTrend() {
        var base = run("b", 100, 100.5);
        var trending = run("c", 100, 100.5);
        trending = trending.withBenchmarks(List.of(trending.benchmarks()
                .get(0)
                .withSteadyState(
                        "its 2 forks trend together over their measured iterations (slower: score rises 4.1% from first to"
                                + " last in the median fork; Mann–Kendall p = 0.002 over the forks together): warm up longer"
                                + " (manifest minWarmup)")));
        var c = Judge.compare(base, SIDE, trending, SIDE, SETTINGS);

        var all = Recommendations.of(c, List.of(base), List.of(trending));

        assertThat(all).extracting(Recommendation::kind).containsExactly(Kind.WARM_UP);
        assertThat(all.get(0).advice()).startsWith("warm it up longer: a manifest entry's minWarmup");
        assertThat(all.get(0).evidence())
                .isEqualTo("in the candidate, its 2 forks trend together over their measured iterations (slower:"
                        + " score rises 4.1% from first to last in the median fork; Mann–Kendall p = 0.002 over the"
                        + " forks together)");
        assertThat(Recommendations.of(c))
                .as("without the runs, nothing to go on")
                .isEmpty();
    }

    @Test
    void aVerdictTheNoiseCouldHaveMadeOnANoisyMachineAsksForAQuieterOne() {
        var quiet = run("b", 100, 100.5);
        var noisy = run("c", 120, 120.5);
        noisy = noisy.withEnvironment(noisy.environment().withNoise(dev.benchrun.testing.Fixtures.noise()));
        var flagged = Judge.compare(quiet, SIDE, noisy, SIDE, SETTINGS);

        var all = Recommendations.of(flagged, List.of(quiet), List.of(noisy));

        assertThat(all).extracting(Recommendation::kind).containsExactly(Kind.QUIETER_MACHINE, Kind.AB_PATH);
        assertThat(all.get(0).advice())
                .isEqualTo("measure again on a quieter machine (run --strict-env refuses a noisy one)");
        assertThat(all.get(0).evidence())
                .startsWith("WARNING while the candidate ran on a noisy machine (")
                .contains("cc1");

        var unchanged = Judge.compare(quiet, SIDE, noisy.withBenchmarks(quiet.benchmarks()), SIDE, SETTINGS);
        assertThat(Recommendations.of(unchanged, List.of(quiet), List.of(noisy.withBenchmarks(quiet.benchmarks()))))
                .as("an unchanged verdict on a noisy machine needs no second look")
                .isEmpty();
    }
}
