package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's {@code benchrun} launcher script, run as a user runs it: in a checkout whose jars
 * are built (the jar under test), with the JDK of the test. Its class-data-sharing archive is
 * written by the first run that measures, and only by it, used from then on, and never heard of.
 */
class LauncherEndToEndIT {

    private static final Path LAUNCHER = Path.of("..", "benchrun");

    @TempDir
    Path dir;

    private Path checkout;
    private Path project;

    private record Result(int exit, String out, String err) {}

    private void checkout() throws IOException {
        checkout = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(LAUNCHER, checkout.resolve("benchrun"));
        assertThat(checkout.resolve("benchrun").toFile().setExecutable(true)).isTrue();
        Files.copy(
                Benchrun.JAR,
                Files.createDirectories(checkout.resolve("cli/target")).resolve("benchrun.jar"));
        Files.copy(
                Benchrun.FIXTURES,
                Files.createDirectories(checkout.resolve("suites/target")).resolve("benchmarks.jar"));
        project = Files.createDirectories(dir.resolve("project"));
    }

    private Result launch(Map<String, String> env, String... args) throws Exception {
        var command = new ArrayList<String>(List.of(checkout.resolve("benchrun").toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(project.toFile());
        builder.environment().remove("BENCHRUN_STORE");
        builder.environment().remove("BENCHRUN_JAVA_OPTS");
        builder.environment().put("NO_COLOR", "1");
        builder.environment()
                .put("JAVA_HOME", Benchrun.JAVA.getParent().getParent().toString());
        builder.environment().putAll(env);
        var out = dir.resolve("out.txt");
        var err = dir.resolve("err.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Result launch(String... args) throws Exception {
        return launch(Map.of(), args);
    }

    private Result measure() throws Exception {
        return measure(Map.of());
    }

    private Result measure(Map<String, String> env) throws Exception {
        var args = new ArrayList<>(
                List.of("run", "--jar", Benchrun.FIXTURES.toAbsolutePath().toString(), "--filter", "sum$"));
        args.addAll(Benchrun.ONE_SHORT_FORK);
        return launch(env, args.toArray(String[]::new));
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(checkout.resolve("cli/target"))) {
            return files.filter(p -> !p.getFileName().toString().endsWith(".jar"))
                    .toList();
        }
    }

    @Test
    void theFirstRunThatMeasuresWritesTheArchiveAndTheNextStartsUseIt() throws Exception {
        checkout();

        var version = launch("--version");
        assertThat(version.exit()).as(version.err()).isZero();
        var refused = launch("run", "--jar", Benchrun.FIXTURES.toAbsolutePath().toString(), "--profile", "nonesuch");
        assertThat(refused.exit()).isEqualTo(2);
        var dry = launch("run", "--jar", Benchrun.FIXTURES.toAbsolutePath().toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(archives())
                .as("no archive from a start that measures nothing")
                .isEmpty();

        var first = measure();
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("Stored run ").doesNotContain("cds", "[warning]");
        assertThat(first.err()).doesNotContain("cds", "[warning]");
        var archives = archives();
        assertThat(archives).as("one archive, nothing half-written left").hasSize(1);
        Path archive = archives.get(0);
        assertThat(archive.getFileName().toString()).matches("benchrun-\\d+\\.jsa");
        FileTime written = Files.getLastModifiedTime(archive);

        var second = measure();
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("Stored run ").doesNotContain("cds", "[warning]");
        assertThat(archives()).containsExactly(archive);
        assertThat(Files.getLastModifiedTime(archive))
                .as("used, not written again")
                .isEqualTo(written);

        var loading = launch(Map.of("BENCHRUN_JAVA_OPTS", "-Xlog:class+load=info:stdout"), "--version");
        assertThat(loading.exit()).as(loading.err()).isZero();
        assertThat(loading.out())
                .as("benchrun's classes come from the archive")
                .containsPattern("dev\\.benchrun\\.cli\\.Main source: shared objects file");
    }

    @Test
    void anArchiveOlderThanTheJarIsNotUsedAndNothingIsSaidAboutIt() throws Exception {
        checkout();
        var first = measure();
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(archives()).hasSize(1);

        // A rebuilt jar: the archive no longer matches it.
        Files.setLastModifiedTime(
                checkout.resolve("cli/target/benchrun.jar"),
                FileTime.from(Instant.now().plusSeconds(60)));
        var loading = launch(Map.of("BENCHRUN_JAVA_OPTS", "-Xlog:class+load=info:stdout"), "--version");
        assertThat(loading.exit()).as(loading.err()).isZero();
        assertThat(loading.out())
                .contains("benchrun ")
                .doesNotContain("shared objects file (top)", "[warning]")
                .containsPattern("dev\\.benchrun\\.cli\\.Main source: file:");
        assertThat(loading.err()).isEmpty();
    }
}
