package dev.benchrun.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.model.Report;
import dev.benchrun.model.Verdict;
import dev.benchrun.testing.Golden;
import dev.benchrun.testing.ReportFixtures;
import org.junit.jupiter.api.Test;

/** The report's Markdown and JSON, sealed for a fixed report with every section. */
class ReportGoldenTest {

    private static final Report REPORT = ReportFixtures.report();

    @Test
    void theFixtureHasWhatEverySectionNeeds() {
        assertThat(REPORT.run().benchmarks())
                .filteredOn(l -> l.verdict() == Verdict.REGRESSION)
                .extracting(Report.Line::id)
                .containsExactly("hkdf_derive");
        assertThat(REPORT.run().benchmarks())
                .filteredOn(l -> l.verdict() == Verdict.IMPROVEMENT)
                .extracting(Report.Line::id)
                .containsExactly("parse_frame");
        assertThat(REPORT.providers()).singleElement().satisfies(p -> {
            assertThat(p.winner()).isEqualTo("BC");
            assertThat(p.ratio()).isBetween(1.3, 1.45);
        });
        assertThat(REPORT.variants().runs())
                .extracting(Report.VariantRun::label)
                .containsExactly("quick", "g1", "zgc");
        // hkdf_derive steps up by 50% and parse_frame down by 25% at the fifth run; the rest stay level.
        assertThat(REPORT.history().benchmarks())
                .allSatisfy(t -> assertThat(t.steps())
                        .as(t.name())
                        .extracting(Report.Step::index)
                        .isEqualTo(
                                t.name().equals("hkdf_derive") || t.name().equals("parse_frame")
                                        ? java.util.List.of(4)
                                        : java.util.List.of()));
    }

    @Test
    void markdown() throws Exception {
        Golden.assertMatches("report.md", Format.MARKDOWN.render(REPORT, RenderOptions.PLAIN));
    }

    @Test
    void markdownWithoutBaseline() throws Exception {
        Golden.assertMatches(
                "report-plain.md", Format.MARKDOWN.render(ReportFixtures.plainReport(), RenderOptions.PLAIN));
    }

    @Test
    void json() throws Exception {
        Golden.assertMatches("report.json", Format.JSON.render(REPORT, RenderOptions.PLAIN));
    }
}
