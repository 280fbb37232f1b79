package dev.benchrun.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.analysis.ReportAssembler;
import dev.benchrun.model.BenchmarkFailure;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.ProfileArtefact;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Verdict;
import dev.benchrun.testing.ReportFixtures;
import dev.benchrun.testing.Synthetic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportHtmlTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    /** The fixture run with hostile text wherever a stored value reaches the page. */
    private static String hostilePage() {
        RunResult run = ReportFixtures.candidate();
        var results = new ArrayList<BenchmarkResult>();
        for (var r : run.benchmarks()) {
            var params = new java.util.TreeMap<>(r.params());
            params.put("payload", SCRIPT);
            results.add(new BenchmarkResult(
                    r.id(),
                    r.benchmark(),
                    params,
                    r.mode(),
                    r.threads(),
                    "cat" + SCRIPT,
                    r.budget(),
                    r.judged(),
                    r.primary(),
                    r.secondary(),
                    List.of(
                            new ProfileArtefact("cpu" + SCRIPT, "flamegraph", "javascript:alert(1)"),
                            new ProfileArtefact("cpu", "flamegraph", "profiles/\"><script>alert(1)</script>.html"))));
        }
        var hostile = new RunResult(
                run.schemaVersion(),
                run.id(),
                "label " + SCRIPT + "\"><img src=x onerror=alert(1)>",
                run.started(),
                run.finished(),
                run.environment(),
                run.settings(),
                results,
                List.of(new BenchmarkFailure("boom", "x.boom", Map.of("k", SCRIPT), "threw " + SCRIPT)),
                false);
        var report = ReportAssembler.assemble(new ReportAssembler.Sources(
                hostile,
                null,
                Synthetic.SETTINGS,
                List.of(hostile, hostile),
                List.of(hostile, hostile),
                2,
                "runs/" + SCRIPT));
        return Format.HTML.render(report, RenderOptions.PLAIN);
    }

    @Test
    void everyStoredValueShowsAsText() {
        String html = hostilePage();
        assertThat(html)
                .contains("payload=&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("label &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("threw &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert")
                .doesNotContain("<img")
                .doesNotContain("href=\"javascript:");
        assertThat(Pattern.compile("<script").matcher(html).results().count())
                .as("only the page's own two scripts")
                .isEqualTo(2);
    }

    @Test
    void aLinkIsOnlyEverAFileBesideTheReport() {
        assertThat(Html.relativeHref("profiles/x/cpu flame.html")).isEqualTo("profiles/x/cpu%20flame.html");
        assertThat(Html.relativeHref("javascript:alert(1)")).isNull();
        assertThat(Html.relativeHref("https://example.com/x")).isNull();
        assertThat(Html.relativeHref("/etc/passwd")).isNull();
        assertThat(Html.relativeHref("a\"><b>")).isEqualTo("a&quot;&gt;&lt;b&gt;");
    }

    @Test
    void everyVerdictThePageMarksHasAColour() {
        for (var verdict : Verdict.values()) {
            String css = SvgCharts.verdictClass(verdict);
            assertThat(ReportHtmlStyle.CSS)
                    .as("a colour for ." + css + ", the class of " + verdict)
                    .containsPattern("[\\n,]\\." + Pattern.quote(css) + "[,{]");
        }
        // Undecided is neither a pass nor a failure: coloured as a small slowdown is, not as a regression.
        assertThat(ReportHtmlStyle.CSS).contains(".verdict.slower,.verdict.inconclusive{color:var(--warn)}");
    }

    @Test
    void thePageNeedsNoNetwork() {
        String html = Format.HTML.render(ReportFixtures.report(), RenderOptions.PLAIN);
        assertThat(html)
                .doesNotContainPattern("(?i)https?:")
                .doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"//")
                .doesNotContain("url(")
                .doesNotContain("@import")
                .doesNotContainPattern("(?i)<(link|img|iframe|object|embed)\\b");
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
    }

    @Test
    void hasTheChartsAndTheSections() {
        String html = Format.HTML.render(ReportFixtures.report(), RenderOptions.PLAIN);
        // One change chart row per compared benchmark, one trend per benchmark of the history.
        assertThat(Pattern.compile("<svg class=\"change\"")
                        .matcher(html)
                        .results()
                        .count())
                .isEqualTo(5);
        assertThat(Pattern.compile("<svg class=\"trend\"")
                        .matcher(html)
                        .results()
                        .count())
                .isEqualTo(5);
        assertThat(Pattern.compile("<line class=\"step worse\"")
                        .matcher(html)
                        .results()
                        .count())
                .isEqualTo(1);
        assertThat(Pattern.compile("<line class=\"step better\"")
                        .matcher(html)
                        .results()
                        .count())
                .isEqualTo(1);
        assertThat(html)
                .contains(
                        "id=\"execution\"",
                        "id=\"summary\"",
                        "id=\"results\"",
                        "id=\"regressions\"",
                        "id=\"improvements\"",
                        "id=\"targets\"",
                        "id=\"providers\"",
                        "id=\"variants\"",
                        "id=\"history\"",
                        "id=\"failures\"",
                        "id=\"artefacts\"");
        assertThat(html)
                .contains(
                        "<a href=\"../.benchrun/runs/20261123T061500Z-3fa2/profiles/hkdf_derive/cpu-flamegraph.html\">cpu flamegraph</a>");
        assertThat(html)
                .contains("hotspot <code>org.bouncycastle.crypto.digests.SHA256Digest.processBlock</code> +13.0 pp");
        assertThat(html).contains("<td class=\"best\">39.99</td>").contains("BC, 1.38× faster");
    }

    @Test
    void anImprovementStepIsDrawnInTheGoodColourAndARegressionInTheBad() {
        String html = Format.HTML.render(ReportFixtures.report(), RenderOptions.PLAIN);
        var better = Pattern.compile(
                        "<figure class=\"chart trend-card stepped better\"><figcaption><code>parse_frame</code>"
                                + ".*?<span class=\"steps\">step <span class=\"better\">-25\\.\\d% better at #5")
                .matcher(html);
        assertThat(better.find())
                .as("parse_frame's card and step text are marked better")
                .isTrue();
        assertThat(Pattern.compile(
                                "<figure class=\"chart trend-card stepped worse\"><figcaption><code>hkdf_derive</code>"
                                        + ".*?<span class=\"steps\">step <span class=\"worse\">\\+")
                        .matcher(html)
                        .find())
                .isTrue();
        assertThat(ReportHtmlStyle.CSS)
                .contains(".trend-card.stepped.better{border-color:var(--good)}")
                .contains(".trend-card .steps .better{color:var(--good)}")
                .contains(".trend-card.stepped.worse{border-color:var(--bad)}")
                .contains(".trend-card .steps .worse{color:var(--bad)}");
    }

    @Test
    void theTerminalTableColoursAnImprovementStepGood() {
        var style = new Style(true);
        String table = Format.TABLE.render(
                ReportFixtures.report(), new RenderOptions(style, RenderOptions.PLAIN.failOn(), false));
        String good = style.good("X").substring(0, style.good("X").indexOf('X'));
        String bad = style.bad("X").substring(0, style.bad("X").indexOf('X'));
        assertThat(table).contains(good + "-25.").doesNotContain(bad + "-25.").contains(bad + "+");
    }
}
