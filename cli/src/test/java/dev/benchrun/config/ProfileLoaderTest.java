package dev.benchrun.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.BenchrunException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileLoaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"quick", "ci", "full", "g1", "parallel", "zgc"})
    void everyShippedProfileLoadsWithTheSeedsThresholds(String name) {
        var profile = new ProfileLoader(dir).load(name);
        assertThat(profile.name()).isEqualTo(name);
        assertThat(profile.jmh().forks()).isGreaterThanOrEqualTo(2);
        assertThat(profile.jmh().measurementIterations() * profile.jmh().forks())
                .isGreaterThanOrEqualTo(8);
        assertThat(profile.thresholds().get("crypto").failure().fraction()).isEqualTo(0.25);
    }

    @Test
    void defaultIsQuick() {
        assertThat(new ProfileLoader(dir).load(null).name()).isEqualTo("quick");
    }

    @Test
    void variantExtendsQuickAndAddsJvmArgs() {
        var zgc = new ProfileLoader(dir).load("zgc");
        assertThat(zgc.jvm().args()).containsExactly("-XX:+UseZGC");
        assertThat(zgc.jmh().forks()).isEqualTo(2);
    }

    @Test
    void fileProfileExtendsShippedOneByDeepMerge() throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, """
                extends: ci
                jmh:
                  forks: 4
                thresholds:
                  crypto: { warning: 3%, failure: 6% }
                """);
        var profile = new ProfileLoader(dir).load(file.toString());
        assertThat(profile.name()).isEqualTo("mine");
        assertThat(profile.jmh().forks()).isEqualTo(4);
        assertThat(profile.jmh().measurementIterations()).isEqualTo(8); // from ci
        assertThat(profile.jmh().profilers()).containsExactly("gc"); // from quick
        assertThat(profile.thresholds().get("crypto").warning().fraction()).isEqualTo(0.03);
        assertThat(profile.thresholds().get("handshake").failure().fraction()).isEqualTo(0.5);
    }

    @Test
    void cyclesAndUnknownNamesAreInputErrors() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\n");
        Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\n");
        var loader = new ProfileLoader(dir);
        assertThatThrownBy(() -> loader.load(dir.resolve("a.yaml").toString()))
                .isInstanceOf(BenchrunException.class)
                .hasMessageContaining("extends itself");
        assertThatThrownBy(() -> loader.load("nonesuch"))
                .isInstanceOf(BenchrunException.class)
                .hasMessageContaining("unknown profile 'nonesuch'");
        Files.writeString(dir.resolve("bad.yaml"), "thresholds:\n  crypto: { warning: lots }\n");
        assertThatThrownBy(() -> loader.load(dir.resolve("bad.yaml").toString()))
                .isInstanceOf(BenchrunException.class)
                .hasMessageContaining("lots");
    }
}
