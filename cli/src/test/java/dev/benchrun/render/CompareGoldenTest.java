package dev.benchrun.render;

import static dev.benchrun.testing.Synthetic.metric;
import static dev.benchrun.testing.Synthetic.result;
import static dev.benchrun.testing.Synthetic.samples;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.analysis.Judge;
import dev.benchrun.analysis.Recommendations;
import dev.benchrun.json.Json;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.FailOn;
import dev.benchrun.model.Report;
import dev.benchrun.testing.Golden;
import dev.benchrun.testing.Synthetic;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** The compare outputs machines read (JSON, JUnit XML) and people paste (Markdown) are sealed here. */
class CompareGoldenTest {

    static Comparison comparison() {
        var base = Synthetic.run(
                "20261123T060000Z-aaaa",
                List.of(
                        result("x25519_keygen", "crypto", "avgt", metric("us/op", samples(26.8, 0.01, 2, 5, 1)), null),
                        result(
                                "aes256gcm_encrypt_1k",
                                "crypto",
                                "avgt",
                                metric("us/op", samples(11.4, 0.01, 2, 5, 3)),
                                null),
                        result(
                                "packet_throughput",
                                "datapath",
                                "thrpt",
                                metric("ops/s", samples(60_000, 0.01, 2, 5, 5)),
                                null),
                        result(
                                "parse_frame",
                                "datapath",
                                "avgt",
                                metric("ns/op", samples(12.5, 0.01, 2, 5, 7)),
                                metric("B/op", samples(0.0002, 0.01, 2, 5, 9))),
                        result(
                                "connection_state_size",
                                "memory",
                                "ss",
                                metric("B/op", samples(3_000, 0.0, 2, 5, 13)),
                                null),
                        result("removed_later", "io", "avgt", metric("us/op", samples(5, 0.01, 2, 5, 11)), null)));
        var cand = Synthetic.run(
                "20261123T070000Z-bbbb",
                List.of(
                        result("x25519_keygen", "crypto", "avgt", metric("us/op", samples(26.8, 0.01, 2, 5, 2)), null),
                        result(
                                "aes256gcm_encrypt_1k",
                                "crypto",
                                "avgt",
                                metric("us/op", samples(15.0, 0.01, 2, 5, 4)),
                                null),
                        result(
                                "packet_throughput",
                                "datapath",
                                "thrpt",
                                metric("ops/s", samples(75_000, 0.01, 2, 5, 6)),
                                null),
                        result(
                                "parse_frame",
                                "datapath",
                                "avgt",
                                metric("ns/op", samples(12.5, 0.01, 2, 5, 8)),
                                metric("B/op", samples(24, 0.0, 2, 5, 10))),
                        result(
                                "connection_state_size",
                                "memory",
                                "ss",
                                metric("ns/op", samples(3_000, 0.01, 2, 5, 14)),
                                null),
                        result("added_later", "io", "avgt", metric("us/op", samples(5, 0.01, 2, 5, 12)), null)));
        var c = Judge.compare(
                base,
                new Comparison.Side(
                        "main",
                        base.id(),
                        "main branch",
                        Instant.parse("2026-11-23T06:00:00Z"),
                        "0123456789abcdef0123456789abcdef01234567",
                        "17.0.15"),
                cand,
                new Comparison.Side(
                        "latest",
                        cand.id(),
                        null,
                        Instant.parse("2026-11-23T07:00:00Z"),
                        "fedcba9876543210fedcba9876543210fedcba98",
                        "17.0.15"),
                Synthetic.SETTINGS);
        return c.withRecommendations(Recommendations.of(c));
    }

    @Test
    void compareJsonIsSealed() throws Exception {
        String json = Format.JSON.render(Report.of(comparison()), RenderOptions.PLAIN);
        Golden.assertMatches("compare.json", json);
        assertThat(Json.MAPPER.readValue(json, Comparison.class)).isEqualTo(comparison());
    }

    @Test
    void junitXmlIsSealedAndHasOneFailurePerRegression() throws Exception {
        String xml = Format.JUNIT.render(Report.of(comparison()), RenderOptions.PLAIN);
        Golden.assertMatches("compare-junit.xml", xml);
        var document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertThat(document.getElementsByTagName("testcase").getLength()).isEqualTo(5);
        assertThat(document.getElementsByTagName("failure").getLength())
                .isEqualTo(2); // aes (+31.6%) and parse_frame (alloc)
        assertThat(document.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        assertThat(document.getElementsByTagName("skipped").getLength())
                .as("connection_state_size: B/op against ns/op")
                .isEqualTo(1);
    }

    @Test
    void strictJunitAddsAFailurePerMissingOrNotComparedBenchmark() throws Exception {
        String xml =
                Format.JUNIT.render(Report.of(comparison()), new RenderOptions(Style.PLAIN, FailOn.REGRESSION, true));
        var document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertThat(document.getElementsByTagName("failure").getLength()).isEqualTo(4);
        assertThat(document.getElementsByTagName("skipped").getLength()).isZero();
    }

    @Test
    void aBenchmarkWhoseUnitsDoNotConvertIsNeitherCountedNorShownAsUnchanged() throws Exception {
        var c = comparison();
        assertThat(c.compared()).isEqualTo(4);
        assertThat(c.notCompared()).containsExactly("connection_state_size");
        assertThat(c.expectedFalsePositives()).isEqualTo(0.05 * 4);
        var memory = c.categories().stream()
                .filter(s -> s.category().equals("memory"))
                .findFirst()
                .orElseThrow();
        assertThat(memory.benchmarks()).isZero();
        assertThat(memory.notCompared()).isEqualTo(1);
        var table =
                Format.TABLE.render(Report.of(c), RenderOptions.PLAIN).lines().toList();
        assertThat(table)
                .filteredOn(l -> l.contains("connection_state_size"))
                .first()
                .asString()
                .contains("not compared  units differ (B/op vs ns/op)")
                .doesNotContain("~");
        assertThat(table)
                .contains(
                        "4 compared: 2 regressions, 0 warnings, 0 slower, 1 improvement, 1 unchanged; 1 not compared.",
                        "Not compared (their units do not convert): connection_state_size");
    }

    @Test
    void markdownIsSealed() throws Exception {
        Golden.assertMatches("compare.md", Format.MARKDOWN.render(Report.of(comparison()), RenderOptions.PLAIN));
    }

    @Test
    void terminalTableIsSealed() throws Exception {
        Golden.assertMatches("compare.txt", Format.TABLE.render(Report.of(comparison()), RenderOptions.PLAIN));
    }
}
