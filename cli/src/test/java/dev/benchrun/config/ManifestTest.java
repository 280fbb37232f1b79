package dev.benchrun.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.BenchrunException;
import org.junit.jupiter.api.Test;

class ManifestTest {

    private static final String YAML = """
            schemaVersion: 1
            benchmarks:
              - { match: "org\\\\.sample\\\\..*", category: sample, budget: "< 2 us" }
              - match: mlkem768_.*
                category: crypto
                budget: "< 100 us"
                requires: [{ param: provider, value: JDK, javaVersion: 24 }]
              - { match: connection_state_size, category: memory, metric: bytes, unit: B, budget: "< 4 KB" }
            """;

    @Test
    void firstMatchingEntryWinsOnIdOrFullName() {
        var manifest = ManifestLoader.parse(YAML, "test.yaml");
        assertThat(manifest.classify("testMethod", "org.sample.MyBenchmark.testMethod"))
                .hasValueSatisfying(e -> assertThat(e.category()).isEqualTo("sample"));
        assertThat(manifest.classify("mlkem768_encap", "x.Y.mlkem768_encap"))
                .hasValueSatisfying(e -> assertThat(e.budget().toString()).isEqualTo("< 100 us"));
        assertThat(manifest.classify("other", "x.Y.other")).isEmpty();
    }

    @Test
    void requirementsNameValuesAnOldJvmCannotRun() {
        var entry = ManifestLoader.parse(YAML, "test.yaml")
                .classify("mlkem768_keygen", "x.mlkem768_keygen")
                .orElseThrow();
        assertThat(entry.unsupportedValues("provider", 17)).containsExactly("JDK");
        assertThat(entry.unsupportedValues("provider", 25)).isEmpty();
    }

    @Test
    void userEntriesComeFirst() {
        var user = ManifestLoader.parse("benchmarks: [{ match: 'mlkem.*', category: pqc }]", "user.yaml");
        var merged = user.before(ManifestLoader.parse(YAML, "bundled.yaml"));
        assertThat(merged.classify("mlkem768_encap", "x.mlkem768_encap")
                        .orElseThrow()
                        .category())
                .isEqualTo("pqc");
    }

    @Test
    void badRegexOrBudgetNamesTheSource() {
        assertThatThrownBy(() -> ManifestLoader.parse("benchmarks: [{ match: '(' }]", "bad.yaml"))
                .isInstanceOf(BenchrunException.class)
                .hasMessageStartingWith("bad.yaml: 'match: (' is not a valid regex");
        assertThatThrownBy(() -> ManifestLoader.parse("benchmarks: [{ match: x, budget: quick }]", "bad2.yaml"))
                .isInstanceOf(BenchrunException.class)
                .hasMessageContaining("bad2.yaml")
                .hasMessageContaining("quick");
        assertThatThrownBy(() -> ManifestLoader.parse("benchmarks: [ {", "bad3.yaml"))
                .isInstanceOf(BenchrunException.class)
                .hasMessageContaining("bad3.yaml");
    }

    @Test
    void minWarmupIsReadWithItsTimeAsJmhTakesIt() {
        var manifest = ManifestLoader.parse("""
                benchmarks:
                  - { match: aes256gcm_encrypt_64k, minWarmup: { iterations: 5, time: 1 s } }
                  - { match: only_time, minWarmup: { time: 2s } }
                  - { match: plain }
                """, "m.yaml");

        assertThat(manifest.classify("aes256gcm_encrypt_64k", "x.aes256gcm_encrypt_64k")
                        .orElseThrow()
                        .minWarmup())
                .isEqualTo(new Manifest.MinWarmup(5, "1s"));
        assertThat(manifest.classify("only_time", "x.only_time").orElseThrow().minWarmup())
                .isEqualTo(new Manifest.MinWarmup(null, "2s"));
        assertThat(manifest.classify("plain", "x.plain").orElseThrow().minWarmup())
                .isNull();
    }

    @Test
    void aBadMinWarmupIsOneLineNamingTheFileAndTheEntry() {
        assertThatThrownBy(() -> ManifestLoader.parse(
                        "benchmarks: [ { match: aes.*, minWarmup: { iterations: -1 } } ]", "m.yaml"))
                .isInstanceOfSatisfying(
                        BenchrunException.class, e -> assertThat(e.exitCode()).isEqualTo(dev.benchrun.ExitCode.INPUT))
                .hasMessage("m.yaml: entry 'match: aes.*': minWarmup.iterations -1 must be 0 or more");
        assertThatThrownBy(() ->
                        ManifestLoader.parse("benchmarks: [ { match: aes.*, minWarmup: { time: 1.5s } } ]", "m.yaml"))
                .hasMessage("m.yaml: entry 'match: aes.*': minWarmup.time '1.5s' is not a time like 500ms, 1s or 2min");
        assertThatThrownBy(() ->
                        ManifestLoader.parse("benchmarks: [ { match: aes.*, minWarmup: { time: 0s } } ]", "m.yaml"))
                .hasMessage("m.yaml: entry 'match: aes.*': minWarmup.time '0s' must be longer than zero");
        assertThatThrownBy(() -> ManifestLoader.parse("benchmarks: [ { match: aes.*, minWarmup: {} } ]", "m.yaml"))
                .hasMessage("m.yaml: entry 'match: aes.*': minWarmup needs 'iterations', 'time' or both");
        assertThatThrownBy(() -> ManifestLoader.parse(
                        "benchmarks: [ { match: aes.*, minWarmup: { iterations: five } } ]", "m.yaml"))
                .hasMessage("m.yaml: benchmarks[0].minWarmup.iterations: expected an integer, got \"five\"");
        assertThatThrownBy(() -> ManifestLoader.parse(
                        "benchmarks: [ { match: aes.*, minWarmup: { iterations: 5, tme: 1s } } ]", "m.yaml"))
                .hasMessageStartingWith("m.yaml: unknown key 'tme' in 'benchmarks[0].minWarmup'");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsKeyPath() {
        assertThatThrownBy(() -> ManifestLoader.parse("benchmarks: { match: x }", "m.yaml"))
                .hasMessage("m.yaml: benchmarks: expected a list, got a mapping");
        assertThatThrownBy(() -> ManifestLoader.parse(
                        "benchmarks: [ { match: x, requires: [ { javaVersion: new } ] } ]", "m.yaml"))
                .hasMessage("m.yaml: benchmarks[0].requires[0].javaVersion: expected an integer, got \"new\"");
        assertThatThrownBy(() -> ManifestLoader.parse("schemaVersion: 1.5", "m.yaml"))
                .hasMessage("m.yaml: schemaVersion: expected an integer, got 1.5");
        assertThatThrownBy(() -> ManifestLoader.parse("benchmarks: [ { match: x, budgte: 1 } ]", "m.yaml"))
                .hasMessageStartingWith("m.yaml: unknown key 'budgte' in 'benchmarks[0]' (known: [");
    }

    @Test
    void aManifestThatIsADirectoryOrNotUtf8IsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertThatThrownBy(() -> ManifestLoader.fromFile(dir)).hasMessage(dir + " is a directory, not a manifest file");
        var latin1 = dir.resolve("m.yaml");
        java.nio.file.Files.write(
                latin1, "benchmarks: [ { match: caf\u00e9 } ]".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ManifestLoader.fromFile(latin1))
                .hasMessage(latin1
                        + " is not UTF-8 text (a binary file, or another encoding?): give a manifest file in UTF-8");
    }
}
