package dev.benchrun.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.model.JvmInfo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The environment a run records, read at once or begun beside the first JMH child. */
class EnvironmentProbeTest {

    private static final JvmInfo JVM =
            new JvmInfo("/usr/bin/java", "Vendor", "17.0.15", 17, "OpenJDK 64-Bit Server VM", "17.0.15+6", "G1");

    @Test
    void anEnvironmentBegunRecordsEveryFactOneReadAtOnceDoes() {
        // This test runs in benchrun's own checkout: git has a commit to tell.
        Path checkout = Path.of("").toAbsolutePath();

        var begun =
                EnvironmentProbe.begin(JVM, List.of("-Xmx1g"), "1.37", checkout).join();
        var atOnce = EnvironmentProbe.capture(JVM, List.of("-Xmx1g"), "1.37", checkout);

        // The load average moves between two readings; everything else is the same machine's.
        assertThat(begun)
                .usingRecursiveComparison()
                .ignoringFields("loadAverage")
                .isEqualTo(atOnce);
        assertThat(begun.jvm().args()).containsExactly("-Xmx1g");
        assertThat(begun.jmhVersion()).isEqualTo("1.37");
        assertThat(begun.cores()).isPositive();
        assertThat((begun.loadAverage() == null) == (atOnce.loadAverage() == null))
                .isTrue();
        org.junit.jupiter.api.Assumptions.assumeTrue(atOnce.git() != null, "a git checkout with git installed");
        assertThat(begun.git().commit()).matches("[0-9a-f]{40}");
    }
}
