package dev.benchrun.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir
    Path dir;

    /** A JDK's files as far as the fingerprint looks: the executable, lib/modules and release. */
    private Path jdk() throws Exception {
        Path home = Files.createDirectories(dir.resolve("jdk-21"));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(Files.createDirectories(home.resolve("lib")).resolve("modules"), "modules of 21.0.5");
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"21.0.5\"\n");
        for (Path file : new Path[] {java, home.resolve("lib/modules"), home.resolve("release")}) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-01T08:40:21Z")));
        }
        return java;
    }

    private static String fingerprint(Path java) {
        return JvmProbe.fingerprint(java, Map.of(), 2, "8388608kB");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theFingerprintIsTheSameForTheSameJavaAndNamesItsRealPath() throws Exception {
        Path java = jdk();
        Path link = Files.createSymbolicLink(dir.resolve("java"), java);

        assertThat(fingerprint(java)).isEqualTo(fingerprint(java)).isEqualTo(fingerprint(link));
        assertThat(fingerprint(link)).startsWith("java=" + java.toRealPath() + " ");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theFingerprintChangesWithTheExecutablesSizeOrTime() throws Exception {
        Path java = jdk();
        String before = fingerprint(java);

        Files.setLastModifiedTime(java, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        String touched = fingerprint(java);
        Files.writeString(java, "#!/bin/sh\nexec /opt/other/java \"$@\"\n");
        Files.setLastModifiedTime(java, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        String rewritten = fingerprint(java);

        assertThat(touched).isNotEqualTo(before);
        assertThat(rewritten).isNotEqualTo(touched).isNotEqualTo(before);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anUpdateInPlaceThatKeepsTheExecutableChangesTheFingerprint() throws Exception {
        Path java = jdk();
        String before = fingerprint(java);
        Path modules = java.getParent().getParent().resolve("lib/modules");

        Files.writeString(modules, "modules of 21.0.6");
        Files.setLastModifiedTime(modules, FileTime.from(Instant.parse("2026-11-01T08:40:21Z")));
        String sameSize = fingerprint(java);
        Files.setLastModifiedTime(modules, FileTime.from(Instant.parse("2026-12-02T07:00:00Z")));

        assertThat(sameSize).as("same size and time: no stamp can tell").isEqualTo(before);
        assertThat(fingerprint(java)).isNotEqualTo(before);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theMachineAndTheOptionVariablesAreInTheFingerprint() throws Exception {
        Path java = jdk();
        String here = JvmProbe.fingerprint(java, Map.of(), 2, "8388608kB");

        // HotSpot picks Serial on one CPU or under 1792 MB, G1 above: the answer depends on them.
        assertThat(JvmProbe.fingerprint(java, Map.of(), 1, "8388608kB")).isNotEqualTo(here);
        assertThat(JvmProbe.fingerprint(java, Map.of(), 2, "1048576kB")).isNotEqualTo(here);
        assertThat(JvmProbe.fingerprint(java, Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC"), 2, "8388608kB"))
                .isNotEqualTo(here);
        assertThat(JvmProbe.fingerprint(java, Map.of("JDK_JAVA_OPTIONS", "-XX:+UseZGC"), 2, "8388608kB"))
                .isNotEqualTo(here);
        assertThat(JvmProbe.fingerprint(java, Map.of("HOME", "/root"), 2, "8388608kB"))
                .as("other variables do not matter")
                .isEqualTo(here);
    }

    @Test
    void aJavaThatCannotBeRunHasNoFingerprint() {
        assertThat(fingerprint(dir.resolve("no-such-java"))).isNull();
    }
}
