package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit a run records: given on the command line, else the benchmark jar's manifest, else the
 * working directory's checkout (here none: the test's directory is not a git checkout).
 */
class RevisionCommandTest {

    private static final String[] SETTINGS = {"--filter", "sum$", "-f", "1", "-wi", "1", "-i", "2"};

    @TempDir
    Path dir;

    private InProcess benchrun;

    @BeforeEach
    void setUp() throws Exception {
        benchrun = new InProcess(dir);
    }

    private InProcess.Result run(String jar, String... args) {
        return benchrun.run(Stream.of(Stream.of("run", "--jar", jar), Stream.of(args), Stream.of(SETTINGS))
                .flatMap(s -> s)
                .toArray(String[]::new));
    }

    /** fixtures.jar again, with these main attributes in its manifest. */
    private void jarWithManifest(String name, String... attributes) throws IOException {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (int i = 0; i < attributes.length; i += 2) {
            manifest.getMainAttributes().putValue(attributes[i], attributes[i + 1]);
        }
        try (var in = new ZipFile(dir.resolve("fixtures.jar").toFile());
                var out = new JarOutputStream(Files.newOutputStream(dir.resolve(name)), manifest)) {
            for (var entries = in.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.getInputStream(entry).transferTo(out);
                out.closeEntry();
            }
        }
    }

    @Test
    void theCommitAndBranchGivenAreRecorded() throws Exception {
        var result = run("fixtures.jar", "--commit", "0a1b2c3d4e5f", "--branch", "release/2.1");

        assertThat(result.exit()).as(result.err()).isZero();
        var git = benchrun.storedRun(result.storedRunId()).at("/environment/git");
        assertThat(git.get("commit").asText()).isEqualTo("0a1b2c3d4e5f");
        assertThat(git.get("branch").asText()).isEqualTo("release/2.1");
        assertThat(git.get("dirty").asBoolean()).isFalse();
        assertThat(git.get("source").asText()).isEqualTo("option");
    }

    @Test
    void aJarThatNamesItsCommitIsRecordedAsBuiltFromItAndABranchGivenAloneRenamesOnlyTheBranch() throws Exception {
        jarWithManifest("v1.jar", "Git-Commit", "fedcba9876543210", "Git-Branch", "v1");

        var fromJar = run("v1.jar");
        assertThat(fromJar.exit()).as(fromJar.err()).isZero();
        var git = benchrun.storedRun(fromJar.storedRunId()).at("/environment/git");
        assertThat(git.get("commit").asText()).isEqualTo("fedcba9876543210");
        assertThat(git.get("branch").asText()).isEqualTo("v1");
        assertThat(git.get("source").asText()).isEqualTo("jar");

        var renamed = run("v1.jar", "--branch", "hotfix");
        var again = benchrun.storedRun(renamed.storedRunId()).at("/environment/git");
        assertThat(again.get("commit").asText()).isEqualTo("fedcba9876543210");
        assertThat(again.get("branch").asText()).isEqualTo("hotfix");

        var given = run("v1.jar", "--commit", "1234567");
        assertThat(benchrun.storedRun(given.storedRunId())
                        .at("/environment/git/commit")
                        .asText())
                .as("the command line wins over the jar")
                .isEqualTo("1234567");
    }

    @Test
    void aManifestValueThatIsNoCommitIsIgnored() throws Exception {
        jarWithManifest("odd.jar", "Git-Commit", "${git.commit.id}");

        var result = run("odd.jar");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(benchrun.storedRun(result.storedRunId())
                        .at("/environment/git")
                        .isMissingNode())
                .as("no commit from the jar, and no checkout here")
                .isTrue();
    }

    @Test
    void aBadCommitOrOneForAnAbSessionIsOneLineAndExitTwoWithNothingStored() throws Exception {
        var bad = run("fixtures.jar", "--commit", "not-a-sha");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.errLines())
                .containsExactly("benchrun: --commit 'not-a-sha': not a commit id (7 to 64 hexadecimal digits)");

        Files.copy(dir.resolve("fixtures.jar"), dir.resolve("old.jar"));
        var session = run("fixtures.jar", "--against", "old.jar", "--commit", "1234567");
        assertThat(session.exit()).isEqualTo(2);
        assertThat(session.errLines())
                .containsExactly("benchrun: --commit and --branch name one run's build; the two sides of an A/B"
                        + " session take theirs from each jar's manifest or checkout");

        assertThat(benchrun.runIds()).isEmpty();
    }
}
