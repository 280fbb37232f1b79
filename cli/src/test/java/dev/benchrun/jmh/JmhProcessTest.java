package dev.benchrun.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.host.Watchdog;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhProcessTest {

    @TempDir
    Path dir;

    @Test
    void jmhRunsUnderTheWatchdogWithTheJarsOwnMainAndNothingElseOfBenchrun() throws Exception {
        Path jar = dir.resolve("bench.jar");
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.example.CustomMain");
        try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }

        var watched =
                JmhProcess.watched(List.of("java", "-Djmh.ignoreLock=true", "-jar", jar.toString(), "sum", "-f", "1"));

        assertThat(watched).hasSize(9);
        assertThat(watched.subList(0, 3)).containsExactly("java", "-Djmh.ignoreLock=true", "-cp");
        String[] classpath = watched.get(3).split(File.pathSeparator);
        assertThat(classpath).hasSize(2);
        assertThat(classpath[1]).isEqualTo(jar.toString());
        try (var classes = Files.walk(Path.of(classpath[0]))) {
            assertThat(classes.filter(Files::isRegularFile)
                            .map(p -> Path.of(classpath[0]).relativize(p).toString()))
                    .as("only the watchdog's class reaches the benchmark's classpath")
                    .containsExactly("dev/benchrun/host/Watchdog.class");
        }
        assertThat(watched.subList(4, 9))
                .containsExactly(Watchdog.class.getName(), "org.example.CustomMain", "sum", "-f", "1");
    }

    @Test
    void aJarWithoutAMainClassRunsJmhsMain() throws Exception {
        Path jar = dir.resolve("plain.jar");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("x"));
            out.closeEntry();
        }
        var watched = JmhProcess.watched(List.of("java", "-jar", jar.toString()));
        assertThat(watched.subList(3, 5)).containsExactly(Watchdog.class.getName(), "org.openjdk.jmh.Main");
    }
}
