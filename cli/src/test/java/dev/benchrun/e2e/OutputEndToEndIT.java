package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o} on the real jar: a path the user names is theirs. Devices, FIFOs and the kernel's
 * links are written in place, symlinks are followed, and only regular files are replaced.
 */
class OutputEndToEndIT {

    @TempDir
    Path dir;

    private Path jmh;

    @BeforeEach
    void jmhFile() throws IOException {
        jmh = dir.resolve("jmh.json");
        try (InputStream in = getClass().getResourceAsStream("/jmh/jmh-1.37-gc.json")) {
            Files.write(jmh, in.readAllBytes());
        }
    }

    private Benchrun.Result compareTo(String output) {
        return Benchrun.run(dir, "compare", jmh.toString(), jmh.toString(), "--format", "json", "-o", output);
    }

    @Test
    void dashIsStandardOutput() {
        var result = compareTo("-");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("{").contains("\"schemaVersion\"");
        assertThat(dir.resolve("-")).doesNotExist();
    }

    @Test
    void aCharacterDeviceIsWrittenNotReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        var result = compareTo(devNull.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readAttributes(devNull, BasicFileAttributes.class).isOther())
                .as("still a device")
                .isTrue();
    }

    @Test
    void aFifoIsWrittenInPlace() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        var read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        var result = compareTo(fifo.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(read.get(1, TimeUnit.MINUTES)).startsWith("{").contains("\"schemaVersion\"");
        assertThat(Files.readAttributes(fifo, BasicFileAttributes.class).isOther())
                .as("still a FIFO")
                .isTrue();
    }

    @Test
    void aSymlinkIsFollowedAndKept() throws IOException {
        Path target = Files.writeString(dir.resolve("target.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target.getFileName());
        var result = compareTo(link.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).startsWith("{");
    }

    @Test
    void aDanglingSymlinkCreatesItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("made/by/benchrun.json"));
        var result = compareTo(link.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("made/by/benchrun.json"))).startsWith("{");
    }

    @Test
    void aLinkToStandardOutputReachesIt() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("stdout"), Path.of("/proc/self/fd/1"));
        var result = compareTo(link.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("{").contains("\"schemaVersion\"");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aRegularFileIsReplacedWithTheUmasksPermissions() throws Exception {
        Path file = Files.writeString(dir.resolve("out.json"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        var result = compareTo(file.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(Files.readString(file)).startsWith("{");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(newFilePermissions());
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aDirectoryIsRefusedInOneLine() throws IOException {
        Files.createDirectory(dir.resolve("reports"));
        var result = compareTo("reports");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().contains("reports", "is a directory");
    }

    /** What the umask leaves of rw-rw-rw-, as the shell would create a file. */
    private Set<PosixFilePermission> newFilePermissions() throws Exception {
        Path probe = dir.resolve("probe");
        var shell = new ProcessBuilder("sh", "-c", "touch '" + probe + "'").start();
        assertThat(shell.waitFor()).isZero();
        return Files.getPosixFilePermissions(probe);
    }
}
