package dev.benchrun.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.BenchrunException;
import dev.benchrun.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

class JmhJsonTest {

    @Test
    void readsPerForkSamplesAndGcMetrics() throws Exception {
        var entries = JmhJson.parse(Golden.resource("jmh/jmh-1.37-gc.json"), "gc.json");
        assertThat(entries)
                .extracting(JmhJson.Entry::benchmark)
                .containsExactlyInAnyOrder(
                        "org.example.fixtures.TinyBench.sum", "org.example.fixtures.TinyBench.sumThroughput");
        var sum = entries.stream()
                .filter(e -> e.benchmark().endsWith(".sum"))
                .findFirst()
                .orElseThrow();
        assertThat(sum.mode()).isEqualTo("avgt");
        assertThat(sum.params()).containsEntry("n", "256").containsEntry("extra", "-1");
        assertThat(sum.primary().forks())
                .hasSize(2)
                .allSatisfy(f -> assertThat(f).hasSize(2));
        assertThat(sum.primary().unit()).isEqualTo("us/op");
        assertThat(sum.secondary()).containsKey("gc.alloc.rate.norm");
        assertThat(sum.secondary().get("gc.alloc.rate.norm").unit()).isEqualTo("B/op");
        assertThat(sum.jmhVersion()).isEqualTo("1.37");
    }

    @Test
    void sampledModeUsesEachIterationsMean() throws Exception {
        var entry = JmhJson.parse(Golden.resource("jmh/jmh-1.37-sample.json"), "sample.json")
                .get(0);
        assertThat(entry.mode()).isEqualTo("sample");
        assertThat(entry.primary().forks())
                .hasSize(2)
                .allSatisfy(f -> assertThat(f).hasSize(2));
        assertThat(entry.primary().percentiles()).containsKeys("50.0", "99.0");
        double min = entry.primary().percentiles().get("0.0");
        double max = entry.primary().percentiles().get("100.0");
        assertThat(java.util.Arrays.stream(entry.primary().samples()).boxed())
                .allSatisfy(v -> assertThat(v).isBetween(min, max));
    }

    @Test
    void histogramIterationMeanIsCountWeighted() {
        String json = """
                [{"benchmark": "a.B.c", "mode": "sample", "primaryMetric": {"score": 2.0, "scoreUnit": "us/op",
                  "rawDataHistogram": [[ [[1.0, 3], [2.0, 1]], [[4.0, 2]] ]]}}]""";
        var metric = JmhJson.parse(json, "h.json").get(0).primary();
        assertThat(metric.forks()).containsExactly(java.util.List.of(1.25, 4.0));
    }

    @Test
    void readsOlderFilesWithNanStringsAndDottedMetricNames() throws Exception {
        var entry = JmhJson.parse(Golden.resource("jmh/jmh-legacy.json"), "legacy.json")
                .get(0);
        assertThat(entry.primary().scoreError()).isNull();
        assertThat(entry.forks()).isZero();
        assertThat(entry.secondary()).containsOnlyKeys("gc.alloc.rate.norm");
        assertThat(entry.jmhVersion()).isNull();
        assertThat(entry.primary().samples()).containsExactly(3451553.3396487846, 3481135.96699453);
    }

    @Test
    void rejectsWhatIsNotAJmhFile() {
        assertThatThrownBy(() -> JmhJson.parse("{\"a\": 1}", "x.json"))
                .isInstanceOf(BenchrunException.class)
                .hasMessageContaining("x.json");
        assertThatThrownBy(() -> JmhJson.parse("[{\"mode\": \"avgt\"}]", "y.json"))
                .isInstanceOf(BenchrunException.class)
                .hasMessageContaining("benchmark");
        assertThatThrownBy(() -> JmhJson.parse("not json", "z.json"))
                .isInstanceOf(BenchrunException.class)
                .hasMessageContaining("z.json is not valid JSON");
    }

    private static String entry(String mode, String primary) {
        return "[{\"benchmark\": \"a.B.c\", \"mode\": \"" + mode + "\", \"primaryMetric\": {\"score\": 2.0, "
                + "\"scoreUnit\": \"us/op\"" + primary + "}, \"secondaryMetrics\": {\"gc.time\": {\"score\": 1.0, "
                + "\"scoreUnit\": \"ms\", \"rawData\": [[\"NaN\", 1.0], [\"NaN\"]]}}}]";
    }

    @Test
    void rawDataMissingEmptyOrNotNumbersIsRefused() {
        assertThatThrownBy(() -> JmhJson.parse(entry("avgt", ""), "m.json"))
                .hasMessage("m.json: result [0] (a.B.c): primaryMetric.rawData is missing: "
                        + "expected the samples, one array of numbers per fork");
        assertThatThrownBy(() -> JmhJson.parse(entry("avgt", ", \"rawData\": []"), "m.json"))
                .hasMessage("m.json: result [0] (a.B.c): primaryMetric.rawData is an empty array: "
                        + "expected the samples, one array of numbers per fork");
        assertThatThrownBy(() -> JmhJson.parse(entry("avgt", ", \"rawData\": [[1.0, \"x\"]]"), "m.json"))
                .hasMessage("m.json: result [0] (a.B.c): primaryMetric.rawData[0][1] is \"x\": expected a number");
        assertThatThrownBy(() -> JmhJson.parse(entry("avgt", ", \"rawData\": [5]"), "m.json"))
                .hasMessage(
                        "m.json: result [0] (a.B.c): primaryMetric.rawData[0] is 5: expected a fork's samples, an array");
    }

    @Test
    void nanInTheMeasurementIsRefusedButLeftOutOfAProfilersMetric() {
        assertThatThrownBy(() -> JmhJson.parse(entry("avgt", ", \"rawData\": [[1.0, \"NaN\"]]"), "m.json"))
                .hasMessage("m.json: result [0] (a.B.c): primaryMetric.rawData[0][1] is \"NaN\": expected a number");
        var entry = JmhJson.parse(entry("avgt", ", \"rawData\": [[1.0, 2.0]]"), "m.json")
                .get(0);
        assertThat(entry.secondary().get("gc.time").forks())
                .as("NaN left out, and the fork it emptied")
                .containsExactly(List.of(1.0));
    }

    @Test
    void aModeJmhDoesNotHaveIsRefusedAndLongNamesAreRead() {
        assertThatThrownBy(() -> JmhJson.parse(entry("fastest", ", \"rawData\": [[1.0]]"), "m.json"))
                .hasMessage(
                        "m.json: result [0] (a.B.c): mode 'fastest' is not one of JMH's modes (thrpt, avgt, sample, ss)");
        assertThat(JmhJson.parse(entry("SampleTime", ", \"rawData\": [[1.0]]"), "m.json")
                        .get(0)
                        .mode())
                .isEqualTo("sample");
    }

    @Test
    void aMalformedHistogramIsRefused() {
        assertThatThrownBy(() -> JmhJson.parse(entry("sample", ", \"rawDataHistogram\": [[ [[1.0, -3]] ]]"), "h.json"))
                .hasMessage("h.json: result [0] (a.B.c): primaryMetric.rawDataHistogram[0][0] has [1.0,-3]: "
                        + "expected [value, count] with a number and a count of 0 or more");
        assertThatThrownBy(() -> JmhJson.parse(entry("sample", ", \"rawDataHistogram\": [[ [] ]]"), "h.json"))
                .hasMessage("h.json: result [0] (a.B.c): primaryMetric.rawDataHistogram[0][0] holds no samples: "
                        + "expected [value, count] pairs");
    }

    @Test
    void truncatedJsonNamesTheLineNotTheParser() {
        assertThatThrownBy(() -> JmhJson.parse("[{\"benchmark\": \n\"a", "t.json"))
                .hasMessageStartingWith("t.json is not valid JSON: Unexpected end-of-input")
                .hasMessageEndingWith("(line 2)")
                .message()
                .doesNotContain("Source", "JsonToken", "com.fasterxml");
    }
}
