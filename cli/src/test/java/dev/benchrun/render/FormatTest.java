package dev.benchrun.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.analysis.Judge;
import dev.benchrun.analysis.ReportAssembler;
import dev.benchrun.json.Json;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Report;
import dev.benchrun.testing.ReportFixtures;
import dev.benchrun.testing.Synthetic;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Every format renders both shapes of the one result model: a compare result and a full report. */
class FormatTest {

    private static final Report REPORT = ReportFixtures.report();
    private static final Report COMPARE = Report.of(ReportFixtures.comparison());

    @ParameterizedTest
    @EnumSource(
            value = Format.class,
            names = {"TABLE", "MARKDOWN", "HTML", "JUNIT"})
    void everyTextFormatShowsEachChangeOfACompareResultAndOfAReport(Format format) {
        String compared = format.render(COMPARE, RenderOptions.PLAIN);
        String report = format.render(REPORT, RenderOptions.PLAIN);
        assertThat(compared).isNotEqualTo(report);
        for (var d : COMPARE.comparison().benchmarks()) {
            assertThat(compared)
                    .as("%s compare result, %s", format, d.id())
                    .contains(d.displayName())
                    .contains(ReportText.change(d.change()));
            assertThat(report).as("%s report, %s", format, d.id()).contains(ReportText.change(d.change()));
        }
        for (var l : REPORT.run().benchmarks()) {
            assertThat(report)
                    .as("%s report, %s", format, l.name())
                    .contains(l.name())
                    .contains(Numbers.format(l.score()));
        }
        assertThat(report).as("%s report", format).contains("mlkem768_decap");
        assertThat(compared)
                .as("%s compare result: the run section is not there", format)
                .doesNotContain("mlkem768_decap");
    }

    @Test
    void jsonOfACompareResultIsCompareJsonAndOfAReportIsReportJsonWithTheSameComparisonInside() throws Exception {
        JsonNode compared = Json.MAPPER.readTree(Format.JSON.render(COMPARE, RenderOptions.PLAIN));
        JsonNode report = Json.MAPPER.readTree(Format.JSON.render(REPORT, RenderOptions.PLAIN));
        assertThat(compared.get("schemaVersion").asInt()).isEqualTo(Comparison.SCHEMA_VERSION);
        assertThat(report.get("schemaVersion").asInt())
                .isEqualTo(Report.SCHEMA_VERSION)
                .isEqualTo(3);
        assertThat(report.get("comparison")).isEqualTo(compared);
        assertThat(Json.MAPPER.treeToValue(compared, Comparison.class)).isEqualTo(COMPARE.comparison());
        assertThat(report.get("benchmarks"))
                .hasSize(5)
                .allSatisfy(line -> assertThat(line.has("verdict")).isFalse());
        assertThat(report.at("/benchmarks/2/score").asDouble())
                .isEqualTo(REPORT.run().benchmarks().get(2).score());
    }

    @Test
    void junitOfACompareResultHasATestcasePerComparedBenchmarkAndOfAReportOnePerResult() throws Exception {
        assertThat(parse(Format.JUNIT.render(COMPARE, RenderOptions.PLAIN))
                        .getElementsByTagName("testcase")
                        .getLength())
                .isEqualTo(5);
        // The five results and the benchmark that threw.
        assertThat(parse(Format.JUNIT.render(REPORT, RenderOptions.PLAIN))
                        .getElementsByTagName("testcase")
                        .getLength())
                .isEqualTo(6);
    }

    @Test
    void theChangeColumnNamesTheConfiguredConfidenceLevel() {
        var settings = new CompareSettings("quick", 0.05, 0.90, 0.01, 10_000, 42L, Synthetic.SETTINGS.thresholds());
        var comparison = Judge.compare(
                ReportFixtures.baseline(),
                new Comparison.Side("main", ReportFixtures.BASELINE_ID, null, Instant.EPOCH, null, null),
                ReportFixtures.candidate(),
                new Comparison.Side("latest", ReportFixtures.RUN_ID, null, Instant.EPOCH, null, null),
                settings);
        var report = ReportAssembler.assemble(
                new ReportAssembler.Sources(ReportFixtures.candidate(), comparison, settings, List.of(), null, 0, "."));
        for (Format format : List.of(Format.TABLE, Format.MARKDOWN, Format.HTML)) {
            for (Report r : List.of(Report.of(comparison), report)) {
                String text = format.render(r, RenderOptions.PLAIN);
                assertThat(text)
                        .as("%s of %s", format, ReportText.title(r))
                        .contains("Change [90% CI]")
                        .doesNotContain("95%");
            }
        }
        assertThat(Format.HTML.render(report, RenderOptions.PLAIN))
                .contains("Cost change per benchmark with its 90% confidence interval");
        // The same data at the default level: the header says 95%, as the golden files do.
        assertThat(Format.TABLE.render(Report.of(ReportFixtures.comparison()), RenderOptions.PLAIN))
                .contains("Change [95% CI]");
    }

    @Test
    void theLevelIsWrittenAsAPercentageWithoutTrailingZeros() {
        assertThat(List.of(0.95, 0.9, 0.99, 0.975, 0.5))
                .extracting(c -> ReportText.level(
                        new CompareSettings("p", 0.05, c, 0.01, 10_000, 1L, Synthetic.SETTINGS.thresholds())))
                .containsExactly("95%", "90%", "99%", "97.5%", "50%");
    }

    @Test
    void aCompareResultHasNoRunSectionAndEachFormatTitlesItAsACompare() {
        assertThat(COMPARE.run()).isNull();
        assertThat(Format.MARKDOWN.render(COMPARE, RenderOptions.PLAIN)).startsWith("## benchrun compare\n");
        assertThat(Format.HTML.render(COMPARE, RenderOptions.PLAIN)).contains("<h1>benchrun compare</h1>");
        assertThat(Format.TABLE.render(COMPARE, RenderOptions.PLAIN)).startsWith("Baseline:  main (run ");
        assertThat(Pattern.compile("<svg class=\"change\"")
                        .matcher(Format.HTML.render(COMPARE, RenderOptions.PLAIN))
                        .results()
                        .count())
                .isEqualTo(5);
    }

    @Test
    void namesAreCaseInsensitiveAndMdIsMarkdown() {
        assertThat(Format.named("JSON")).isEqualTo(Format.JSON);
        assertThat(Format.named("Markdown")).isEqualTo(Format.MARKDOWN);
        assertThat(Format.named("md")).isEqualTo(Format.MARKDOWN);
        assertThat(Format.named("pdf")).isNull();
        assertThat(Format.JUNIT).hasToString("junit");
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
