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

    @Test
    void aValueOfTheWrongTypeIsNamedByItsKeyPath() throws Exception {
        Files.writeString(dir.resolve("p.yaml"), "jmh: 5\n");
        assertThatThrownBy(() -> new ProfileLoader(dir).load("p.yaml"))
                .hasMessage("profile 'p.yaml': jmh: expected a mapping of keys to values, got 5");
        Files.writeString(dir.resolve("p.yaml"), "jmh: { forks: many }\n");
        assertThatThrownBy(() -> new ProfileLoader(dir).load("p.yaml"))
                .hasMessage("profile 'p.yaml': jmh.forks: expected an integer, got \"many\"");
        Files.writeString(dir.resolve("p.yaml"), "jmh: { forkz: 2 }\n");
        assertThatThrownBy(() -> new ProfileLoader(dir).load("p.yaml"))
                .hasMessageStartingWith("profile 'p.yaml': unknown key 'forkz' in 'jmh' (known: [");
    }

    @Test
    void aProfileThatIsADirectoryOrNotUtf8IsNamed() throws Exception {
        Files.createDirectories(dir.resolve("d.yaml"));
        assertThatThrownBy(() -> new ProfileLoader(dir).load("d.yaml"))
                .hasMessage(dir.resolve("d.yaml") + " is a directory, not a profile file");
        Files.write(dir.resolve("l.yaml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xe9});
        assertThatThrownBy(() -> new ProfileLoader(dir).load("l.yaml"))
                .hasMessage(dir.resolve("l.yaml")
                        + " is not UTF-8 text (a binary file, or another encoding?): give a profile file in UTF-8");
        assertThatThrownBy(() -> new ProfileLoader(dir).load("none.yaml"))
                .hasMessage("profile file not found: " + dir.resolve("none.yaml"));
    }
}
