package dev.benchrun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.json.Json;
import dev.benchrun.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json and baseline files as they are read: each kind of damage is one line naming the file and where. */
class RunFilesTest {

    @TempDir
    Path dir;

    private Path file;
    private String run;

    @BeforeEach
    void aGoodRun() throws Exception {
        file = dir.resolve("run.json");
        run = Json.write(Fixtures.run("20261123T061500Z-0001"));
    }

    private String refusal(String text) throws Exception {
        Files.writeString(file, text);
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(
                BenchrunException.class, () -> RunFiles.readRun(file));
        assertThat(thrown).as("refused").isNotNull();
        assertThat(thrown.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(thrown.getMessage()).doesNotContain("dev.benchrun", "com.fasterxml", "java.", "\n");
        return thrown.getMessage();
    }

    @Test
    void aGoodRunIsReadBackEqual() throws Exception {
        Files.writeString(file, run);
        assertThat(RunFiles.readRun(file)).isEqualTo(Fixtures.run("20261123T061500Z-0001"));
    }

    @Test
    void schemaVersionMustBeAnInteger() throws Exception {
        assertThat(refusal(run.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : \"1\"")))
                .isEqualTo(file + ": schemaVersion must be an integer, got \"1\": not a file benchrun wrote");
        assertThat(refusal(run.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 1.5")))
                .isEqualTo(file + ": schemaVersion must be an integer, got 1.5: not a file benchrun wrote");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsKeyPathAndBenchmark() throws Exception {
        String text = run.replaceFirst("\"forks\" : \\[ \\[ 2639749.949859152", "\"forks\" : [ [ \"fast\"");
        assertThat(refusal(text))
                .isEqualTo(file + " is not a valid run file: benchmark 'sumThroughput', "
                        + "benchmarks[0].primary.forks[0][0]: expected a number, got \"fast\"");
        assertThat(refusal(run.replaceFirst("\"threads\" : 1", "\"threads\" : 1.5")))
                .isEqualTo(file + " is not a valid run file: benchmark 'sumThroughput', "
                        + "benchmarks[0].threads: expected an integer, got 1.5");
    }

    @Test
    void aMissingFieldIsNamed() throws Exception {
        assertThat(refusal(run.replaceFirst("\"unit\" : \"ops/s\",", "")))
                .isEqualTo(file + " is not a valid run file: benchmark 'sumThroughput', "
                        + "benchmarks[0].primary: missing 'unit'");
        assertThat(refusal(run.replace("\"id\" : \"20261123T061500Z-0001\",", "")))
                .isEqualTo(file + " is not a valid run file: missing 'id'");
    }

    @Test
    void samplesTheStatisticsCannotUseAreRefusedNamingTheBenchmark() throws Exception {
        assertThat(refusal(run.replaceFirst("2639749.949859152", "-2639749.949859152")))
                .isEqualTo(file + ": benchmark 'sumThroughput[extra=-1,n=256]' (thrpt): primary metric: "
                        + "fork 1, iteration 1 is negative (-2639749.949859152 ops/s)");
        assertThat(refusal(run.replaceFirst(
                        "\"forks\" : \\[ \\[ 2639749.949859152, 1.137607419851742E7 \\], "
                                + "\\[ 9737018.789131554, 1.179055113459585E7 \\] \\]",
                        "\"forks\" : [ ]")))
                .isEqualTo(file + ": benchmark 'sumThroughput[extra=-1,n=256]' (thrpt): primary metric "
                        + "has no samples (JMH's rawData): nothing to compare");
    }

    @Test
    void aBenchmarkTwiceIsRefused() throws Exception {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(run);
        var benchmarks = (com.fasterxml.jackson.databind.node.ArrayNode) tree.get("benchmarks");
        benchmarks.add(benchmarks.get(0).deepCopy());
        assertThat(refusal(Json.write(tree)))
                .isEqualTo(file + ": benchmark 'sumThroughput[extra=-1,n=256]' (thrpt) is there twice "
                        + "(results 0 and 2): keep one, or compare the two files it came from separately");
    }

    @Test
    void aModeJmhDoesNotHaveIsRefusedAndLongNamesAreRead() throws Exception {
        assertThat(refusal(run.replaceFirst("\"mode\" : \"thrpt\"", "\"mode\" : \"fastest\"")))
                .isEqualTo(file + ": benchmark 'sumThroughput[extra=-1,n=256]' (result 0) has mode 'fastest': "
                        + "JMH's modes are thrpt, avgt, sample and ss");
        Files.writeString(file, run.replaceFirst("\"mode\" : \"thrpt\"", "\"mode\" : \"Throughput\""));
        assertThat(RunFiles.readRun(file).benchmarks().get(0).mode()).isEqualTo("thrpt");
    }

    @Test
    void truncatedJsonIsNotValidJsonWithItsLine() throws Exception {
        assertThat(refusal(run.substring(0, 200)))
                .startsWith(file + " is not valid JSON: Unexpected end-of-input")
                .endsWith("(line 8)")
                .doesNotContain("Source");
    }

    @Test
    void aFileThatIsNotUtf8IsNamed() throws Exception {
        Files.write(file, new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'});
        assertThatThrownBy(() -> RunFiles.readRun(file))
                .hasMessage(file + " is not UTF-8 text (a binary file, or another encoding?): give a file in UTF-8");
    }

    @Test
    void aDirectoryIsNotAFile() {
        assertThatThrownBy(() -> RunFiles.readRun(dir)).hasMessage(dir + " is a directory, not a file");
        assertThatThrownBy(() -> RunFiles.readRun(dir.resolve("nope.json")))
                .hasMessage("file not found: " + dir.resolve("nope.json"));
    }

    @Test
    void aBaselineIsCheckedAsItsRun() throws Exception {
        Path baseline = dir.resolve("main.json");
        String text = "{\"schemaVersion\": 1, \"name\": \"main\", \"run\": "
                + run.replaceFirst("2639749.949859152", "\"NaN\"") + "}";
        Files.writeString(baseline, text);
        assertThatThrownBy(() -> RunFiles.readBaseline(baseline))
                .hasMessage(baseline + ": benchmark 'sumThroughput[extra=-1,n=256]' (thrpt): primary metric: "
                        + "fork 1, iteration 1 is NaN: not a measurement");
        Files.writeString(baseline, "{\"schemaVersion\": 1, \"name\": \"main\", \"run\": 5}");
        assertThatThrownBy(() -> RunFiles.readBaseline(baseline))
                .hasMessage(baseline + " is not a valid baseline file: 'run' must be a run (an object)");
        Files.writeString(
                baseline,
                "{\"schemaVersion\": 1, \"name\": \"main\", \"run\": "
                        + run.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 1.0") + "}");
        assertThatThrownBy(() -> RunFiles.readBaseline(baseline))
                .hasMessage(baseline + ": run.schemaVersion must be an integer, got 1.0: not a file benchrun wrote");
    }
}
