package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar: two runs of the fixture benchmarks, a baseline, and a report in every format. */
class ReportEndToEndIT {

    private static final String[] RUN = {
        "run",
        "--jar",
        Benchrun.FIXTURES.toString(),
        "--filter",
        "sum$|hashWork",
        "-f",
        "1",
        "-wi",
        "1",
        "-w",
        "100ms",
        "-i",
        "2",
        "-r",
        "100ms"
    };

    @TempDir
    Path dir;

    @Test
    void rendersEveryFormatFromStoredRunsAndRefusesAnUnknownBaseline() throws Exception {
        assertThat(Benchrun.run(dir, RUN).exit()).isZero();
        assertThat(Benchrun.run(dir, "save-baseline", "main").exit()).isZero();
        assertThat(Benchrun.run(dir, RUN).exit()).isZero();

        for (String format : new String[] {"markdown", "json", "junit", "html"}) {
            var result = Benchrun.run(
                    dir,
                    "report",
                    "--baseline",
                    "main",
                    "--history",
                    "5",
                    "--format",
                    format,
                    "-o",
                    "out/report." + format);
            assertThat(result.exit()).as(format + ": " + result.err()).isZero();
            assertThat(dir.resolve("out/report." + format)).isRegularFile();
        }

        String markdown = Files.readString(dir.resolve("out/report.markdown"));
        assertThat(markdown)
                .contains(
                        "## benchrun report: run ",
                        "### Execution",
                        "### Summary",
                        "### Key results",
                        "`sum[extra=-1,n=256]`",
                        "`hashWork[extra=-1,n=256]`",
                        "### History (last 2 of 5 requested runs)");

        JsonNode json = Json.MAPPER.readTree(dir.resolve("out/report.json").toFile());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(3);
        assertThat(json.at("/comparison/baseline/ref").asText()).isEqualTo("main");
        assertThat(json.at("/comparison/benchmarks")).hasSize(2);
        assertThat(json.get("benchmarks")).hasSize(2);
        assertThat(json.at("/history/runs")).hasSize(2);
        Path runJson =
                dir.resolve("out").resolve(json.at("/artefacts/run").asText()).normalize();
        assertThat(runJson).as("the report links to the stored run").isRegularFile();

        var junit = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(dir.resolve("out/report.junit").toFile());
        assertThat(junit.getDocumentElement().getAttribute("tests")).isEqualTo("2");
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(2);

        String html = Files.readString(dir.resolve("out/report.html"));
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<svg class=\"change\"", "<svg class=\"trend\"")
                .doesNotContainPattern("https?:")
                .endsWith("</html>\n");

        var unknown = Benchrun.run(dir, "report", "--baseline", "nonesuch");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.errLines()).singleElement().asString().startsWith("benchrun: 'nonesuch' is not a baseline");
    }
}
