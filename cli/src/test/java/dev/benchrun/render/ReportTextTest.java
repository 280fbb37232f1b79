package dev.benchrun.render;

import static dev.benchrun.testing.Synthetic.metric;
import static dev.benchrun.testing.Synthetic.result;
import static dev.benchrun.testing.Synthetic.samples;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.analysis.Judge;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Session;
import dev.benchrun.model.Verdict;
import dev.benchrun.testing.Synthetic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTextTest {

    private static final String BASE = "20261123T060000Z-aaaa";
    private static final String CAND = "20261123T060000Z-bbbb";

    /** Both sides of an A/B session of one benchmark, with this many pairs. */
    private static Comparison session(int pairs) {
        var session = new Session(CAND, Session.BASELINE, CAND, Session.ABBA, 12, List.of(9, 12), Map.of());
        var base = side(BASE, samples(10, 0.01, pairs, 3, 1), session);
        var cand = side(CAND, samples(10, 0.01, pairs, 3, 2), session.otherSide(BASE));
        return Judge.compare(
                base,
                new Comparison.Side(BASE, BASE, null, null, null, "17.0.15"),
                cand,
                new Comparison.Side(CAND, CAND, null, null, null, "17.0.15"),
                Synthetic.SETTINGS);
    }

    private static RunResult side(String id, List<List<Double>> forks, Session session) {
        var run = Synthetic.run(id, List.of(result("sum", "datapath", "avgt", metric("us/op", forks), null)));
        return new RunResult(
                run.schemaVersion(),
                run.id(),
                run.label(),
                run.started(),
                run.finished(),
                run.environment(),
                run.settings(),
                run.benchmarks(),
                run.failures(),
                run.interrupted(),
                Session.BASELINE.equals(session.side()) ? RunResult.AGAINST : RunResult.RUN,
                session);
    }

    @Test
    void theClosingCountsAddUpWhenAPairedBenchmarkIsUndecided() {
        // Three pairs bound nothing at 95%: the benchmark can only be undecided.
        var c = session(3);
        assertThat(c.count(Verdict.INCONCLUSIVE)).isEqualTo(1);
        assertThat(ReportText.footer(c).get(0))
                .isEqualTo(
                        "1 compared: 0 regressions, 0 warnings, 0 slower, 0 improvements, 1 inconclusive, 0 unchanged.");
    }
}
