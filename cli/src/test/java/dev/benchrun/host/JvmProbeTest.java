package dev.benchrun.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JvmProbeTest {

    @Test
    void theRunningJavaIsIdentified() {
        var jvm = JvmProbe.probe(JvmProbe.currentJava());
        assertThat(jvm.version()).isEqualTo(System.getProperty("java.version"));
        assertThat(jvm.feature()).isEqualTo(Runtime.version().feature());
        // HotSpot names the collector it picks here, e.g. G1 or Serial.
        assertThat(jvm.gc()).matches("[A-Za-z0-9]+");
    }

    @Test
    void anExecutableThatIsNotAJavaIsAnInputErrorNamingThePath() {
        Path notJava = Path.of("/bin/true");
        assumeTrue(Files.isExecutable(notJava), "/bin/true exists here");
        assertThatThrownBy(() -> JvmProbe.probe(notJava))
                .isInstanceOfSatisfying(
                        BenchrunException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT))
                .hasMessage("--jvm /bin/true is not a java: it did not report a Java version; "
                        + "give the path of a java executable");
    }
}
