package dev.benchrun.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.model.RunSettings;
import dev.benchrun.model.Threshold;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompareSettingsLoaderTest {

    @TempDir
    Path dir;

    private CompareSettingsLoader loader() {
        return new CompareSettingsLoader(dir);
    }

    private static RunSettings ranWith(String profile) {
        return new RunSettings(
                profile,
                2,
                3,
                "500ms",
                5,
                "400ms",
                null,
                null,
                null,
                List.of(),
                null,
                List.of(),
                Map.of(),
                null,
                "benchmarks.jar",
                null,
                null);
    }

    /** The seeds' thresholds and DESIGN's statistics: α 0.05, 95%, 1%, ≥ 10,000 resamples, 5%/10% for the rest. */
    @ParameterizedTest
    @ValueSource(strings = {"quick", "ci", "full", "g1", "parallel", "zgc"})
    void everyShippedProfileJudgesWithTheDocumentedSettings(String name) {
        var settings = loader().load(name, null, CompareSettingsLoader.Overrides.NONE);
        assertThat(settings.profile()).isEqualTo(name);
        assertThat(settings.alpha()).isEqualTo(0.05);
        assertThat(settings.confidence()).isEqualTo(0.95);
        assertThat(settings.noiseFloor()).isEqualTo(0.01);
        assertThat(settings.resamples()).isGreaterThanOrEqualTo(10_000);
        assertThat(settings.thresholdFor("crypto")).isEqualTo(new Threshold(0.10, 0.25));
        assertThat(settings.thresholdFor("handshake")).isEqualTo(new Threshold(0.20, 0.50));
        assertThat(settings.thresholdFor("datapath")).isEqualTo(new Threshold(0.10, 0.25));
        assertThat(settings.thresholdFor("memory")).isEqualTo(new Threshold(0.20, 0.50));
        assertThat(settings.thresholdFor("io")).isEqualTo(new Threshold(0.05, 0.10));
    }

    @Test
    void aProfileWithoutStatisticsOrThresholdsGetsTheDefaults() throws Exception {
        Files.writeString(dir.resolve("bare.yaml"), "jmh: { forks: 3 }\n");
        var settings = loader().load("bare.yaml", null, CompareSettingsLoader.Overrides.NONE);
        assertThat(settings.profile()).isEqualTo("bare");
        assertThat(settings.alpha()).isEqualTo(0.05);
        assertThat(settings.confidence()).isEqualTo(0.95);
        assertThat(settings.noiseFloor()).isEqualTo(0.01);
        assertThat(settings.resamples()).isEqualTo(10_000);
        assertThat(settings.seed()).isEqualTo(20130615L);
        assertThat(settings.thresholds()).containsOnlyKeys("default");
        assertThat(settings.thresholdFor("crypto")).isEqualTo(new Threshold(0.05, 0.10));
    }

    @Test
    void theCommandLineWinsOverTheProfileWhichWinsOverTheDefaults() throws Exception {
        Files.writeString(dir.resolve("strict.yaml"), """
                extends: ci
                thresholds:
                  crypto: { warning: 3%, failure: 6% }
                  default: { warning: 2%, failure: 4% }
                statistics: { alpha: 0.01, noiseFloor: 0.5%, resamples: 2000, seed: 7 }
                """);
        var fromProfile = loader().load("strict.yaml", null, CompareSettingsLoader.Overrides.NONE);
        assertThat(fromProfile.alpha()).isEqualTo(0.01);
        assertThat(fromProfile.noiseFloor()).isEqualTo(0.005);
        assertThat(fromProfile.resamples()).isEqualTo(2000);
        assertThat(fromProfile.seed()).isEqualTo(7L);
        assertThat(fromProfile.confidence()).isEqualTo(0.95);
        assertThat(fromProfile.thresholdFor("crypto")).isEqualTo(new Threshold(0.03, 0.06));
        assertThat(fromProfile.thresholdFor("memory")).isEqualTo(new Threshold(0.20, 0.50));
        assertThat(fromProfile.thresholdFor("io")).isEqualTo(new Threshold(0.02, 0.04));

        var overrides = new CompareSettingsLoader.Overrides(0.10, 0.02, Map.of("crypto", new Threshold(0.01, 0.02)));
        var fromCommandLine = loader().load("strict.yaml", null, overrides);
        assertThat(fromCommandLine.alpha()).isEqualTo(0.10);
        assertThat(fromCommandLine.noiseFloor()).isEqualTo(0.02);
        assertThat(fromCommandLine.thresholdFor("crypto")).isEqualTo(new Threshold(0.01, 0.02));
        assertThat(fromCommandLine.thresholdFor("io")).isEqualTo(new Threshold(0.02, 0.04));
    }

    @Test
    void withoutANamedProfileTheCandidatesOwnIsUsedOrElseQuick() throws Exception {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/nightly.yaml"), "extends: quick\nstatistics: { alpha: 0.02 }\n");
        var overrides = CompareSettingsLoader.Overrides.NONE;
        assertThat(loader().load(null, ranWith("nightly"), overrides).alpha()).isEqualTo(0.02);
        assertThat(loader().load(null, ranWith("ci"), overrides).profile()).isEqualTo("ci");
        assertThat(loader().load(null, ranWith("/elsewhere/gone.yaml"), overrides)
                        .profile())
                .isEqualTo("quick");
        assertThat(loader().load(null, null, overrides).profile()).isEqualTo("quick");
        assertThatThrownBy(() -> loader().load("gone", ranWith("ci"), overrides))
                .isInstanceOf(BenchrunException.class)
                .hasMessageContaining("unknown profile 'gone'");
    }

    @Test
    void invalidSettingsAreOneLineInputErrorsNamingTheirSource() throws Exception {
        String bad = "profile 'bad' (" + dir.resolve("bad.yaml") + "): ";
        var cases = Map.of(
                "statistics: { alpha: 1.5 }\n", bad + "statistics.alpha must be between 0 and 1, got 1.5",
                "statistics: { alpha: 7 }\n", bad + "statistics.alpha must be between 0 and 1, got 7",
                "statistics: { confidence: 95 }\n", bad + "statistics.confidence must be between 0 and 1, got 95",
                "statistics: { resamples: 999 }\n", bad + "statistics.resamples must be at least 1000, got 999",
                "thresholds: { crypto: { warning: 5% } }\n", bad + "thresholds.crypto needs both warning and failure",
                "thresholds: { crypto: { warning: 25%, failure: 10% } }\n",
                        bad + "thresholds.crypto: the failure threshold (10%) is below the warning one (25%)");
        for (var c : cases.entrySet()) {
            Files.writeString(dir.resolve("bad.yaml"), c.getKey());
            assertThatThrownBy(() -> new ProfileLoader(dir).load("bad.yaml"))
                    .as("refused when the profile is loaded: " + c.getKey())
                    .hasMessage(c.getValue());
            assertThatThrownBy(() -> loader().load("bad.yaml", null, CompareSettingsLoader.Overrides.NONE))
                    .as(c.getKey())
                    .isInstanceOfSatisfying(
                            BenchrunException.class,
                            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT))
                    .hasMessage(c.getValue());
        }
        var alpha = new CompareSettingsLoader.Overrides(0.0, null, Map.of());
        assertThatThrownBy(() -> loader().load("quick", null, alpha)).hasMessage("--alpha 0.0 must be between 0 and 1");
    }
}
