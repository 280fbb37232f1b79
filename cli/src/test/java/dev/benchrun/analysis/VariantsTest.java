package dev.benchrun.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.model.Report;
import dev.benchrun.model.RunResult;
import dev.benchrun.testing.ReportFixtures;
import dev.benchrun.testing.Synthetic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's variant table: only columns with a score, and a profile run named as one. */
class VariantsTest {

    /** A run of other benchmarks only: none of the rows is in it. */
    private static RunResult unrelated() {
        return Synthetic.run(
                "20261123T063000Z-0c03",
                List.of(Synthetic.result(
                        "elsewhere",
                        "other",
                        "avgt",
                        Synthetic.metric("us/op", Synthetic.samples(5, 0.01, 2, 5, 9)),
                        null)));
    }

    @Test
    void aRunWithNoneOfTheRowsBenchmarksHasNoColumnAndTheIndexesReferToTheKeptRuns() {
        var fixtures = ReportFixtures.variants();
        var runs = List.of(fixtures.get(0), unrelated(), fixtures.get(1), fixtures.get(2));

        var v = ReportAssembler.variants(fixtures.get(0), runs, Synthetic.SETTINGS);
        var full = ReportAssembler.variants(fixtures.get(0), fixtures, Synthetic.SETTINGS);

        assertThat(v.runs())
                .extracting(Report.VariantRun::runId)
                .containsExactly(
                        fixtures.get(0).id(),
                        fixtures.get(1).id(),
                        fixtures.get(2).id());
        assertThat(v.benchmarks()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.scores()).hasSize(3).doesNotContainNull();
            assertThat(row.best()).isBetween(0, 2);
            assertThat(row.runnerUp()).isBetween(0, 2);
        });
        // The same table as without the empty run: the same winners, by the same kept runs.
        assertThat(v.benchmarks()).isEqualTo(full.benchmarks());
        assertThat(v.runs()).isEqualTo(full.runs());
    }

    @Test
    void withOneRunLeftWithScoresThereIsNoTable() {
        var candidate = ReportFixtures.candidate();
        assertThat(ReportAssembler.variants(candidate, List.of(candidate, unrelated()), Synthetic.SETTINGS))
                .isNull();
    }

    @Test
    void aProfileRunThatIsShownSaysSo() {
        var fixtures = ReportFixtures.variants();
        var profiled = fixtures.get(1).withKind(RunResult.PROFILE);

        var v = ReportAssembler.variants(fixtures.get(0), List.of(fixtures.get(0), profiled), Synthetic.SETTINGS);

        assertThat(v.runs()).extracting(Report.VariantRun::label).containsExactly("quick", "g1 (profile run)");
    }
}
