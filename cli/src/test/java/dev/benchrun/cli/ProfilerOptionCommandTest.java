package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.testing.FakeJmh;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --prof NAME[:OPTS]}: JMH profilers beside the profile's, as JMH's own -prof takes them. */
class ProfilerOptionCommandTest {

    private static final String[] SETTINGS = {"--jar", "fixtures.jar", "--filter", "sum$", "-f", "1", "-i", "2"};

    @TempDir
    Path dir;

    private InProcess benchrun;

    @BeforeEach
    void setUp() throws Exception {
        benchrun = new InProcess(dir);
    }

    private InProcess.Result run(String... args) {
        return benchrun.run(Stream.of(Stream.of("run"), Stream.of(args), Stream.of(SETTINGS))
                .flatMap(s -> s)
                .toArray(String[]::new));
    }

    @Test
    void profilersGivenRunBesideTheProfilesAndAreRecorded() throws Exception {
        var result = run("--prof", "stack:lines=5", "--prof", "gc");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(benchrun.jmh.launches())
                .extracting(FakeJmh.Launch::profilers)
                .allSatisfy(p -> assertThat(p).containsExactly("gc:", "stack:lines=5"));
        assertThat(benchrun.storedRun(result.storedRunId())
                        .at("/settings/profilers")
                        .toString())
                .isEqualTo("[\"gc\",\"stack:lines=5\"]");
    }

    @Test
    void aNamelessOrAsyncProfilerIsOneLineAndExitTwo() throws Exception {
        var nameless = run("--prof", ":x");
        assertThat(nameless.exit()).isEqualTo(2);
        assertThat(nameless.errLines())
                .containsExactly("benchrun: --prof ':x': give a JMH profiler's name, e.g. stack or gc:OPTS");

        var async = run("--prof", "async:event=cpu");
        assertThat(async.exit()).isEqualTo(2);
        assertThat(async.errLines())
                .containsExactly(
                        "benchrun: --prof async: async-profiler is attached by 'benchrun profile' (flame graphs and"
                                + " hotspots)");
        assertThat(benchrun.runIds()).isEmpty();
    }
}
