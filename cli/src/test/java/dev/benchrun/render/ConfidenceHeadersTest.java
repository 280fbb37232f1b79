package dev.benchrun.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.analysis.Judge;
import dev.benchrun.analysis.ReportAssembler;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Report;
import dev.benchrun.testing.ReportFixtures;
import dev.benchrun.testing.Synthetic;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every view names the confidence level the comparison was made at, never a fixed 95%. */
class ConfidenceHeadersTest {

    private static final CompareSettings AT_90 = new CompareSettings(
            "quick",
            Synthetic.SETTINGS.alpha(),
            0.9,
            Synthetic.SETTINGS.noiseFloor(),
            Synthetic.SETTINGS.resamples(),
            Synthetic.SETTINGS.seed(),
            Synthetic.SETTINGS.thresholds());

    private static Comparison comparison() {
        var base = new Comparison.Side("main", ReportFixtures.BASELINE_ID, null, Instant.EPOCH, null, "17");
        var cand = new Comparison.Side(ReportFixtures.RUN_ID, ReportFixtures.RUN_ID, null, Instant.EPOCH, null, "17");
        return Judge.compare(ReportFixtures.baseline(), base, ReportFixtures.candidate(), cand, AT_90);
    }

    @Test
    void compareNamesTheLevelItWasMadeAtInEveryFormat() {
        var compare = Report.of(comparison());
        for (var format : Format.values()) {
            String text = format.render(compare, RenderOptions.PLAIN);
            assertThat(text).as(format.name()).doesNotContain("95%");
            if (format != Format.JSON && format != Format.JUNIT) {
                assertThat(text).as(format.name()).contains("Change [90% CI]");
            }
        }
    }

    @Test
    void aReportNamesTheLevelItWasMadeAtInEveryFormat() {
        var report = ReportAssembler.assemble(new ReportAssembler.Sources(
                ReportFixtures.candidate(),
                comparison(),
                AT_90,
                ReportFixtures.variants(),
                ReportFixtures.history(),
                20,
                "runs/x"));
        for (var format : Format.values()) {
            String text = format.render(report, RenderOptions.PLAIN);
            assertThat(text).as(format.name()).doesNotContain("95%");
            if (format != Format.JSON && format != Format.JUNIT) {
                assertThat(text).as(format.name()).contains("Change [90% CI]");
            }
        }
    }
}
