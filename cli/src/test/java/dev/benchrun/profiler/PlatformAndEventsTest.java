package dev.benchrun.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformAndEventsTest {

    @Test
    void picksTheBundledLibraryDirectoryForJavasOsAndArch() {
        assertThat(Platform.of("Linux", "amd64")).isEqualTo(Platform.LINUX_X64);
        assertThat(Platform.of("Linux", "aarch64")).isEqualTo(Platform.LINUX_ARM64);
        assertThat(Platform.of("Mac OS X", "aarch64")).isEqualTo(Platform.MACOS);
        assertThat(Platform.of("Mac OS X", "x86_64").directory()).isEqualTo("macos");
    }

    @Test
    void anUnsupportedPlatformIsOneLineAndExitCode3() {
        for (String[] platform : new String[][] {{"Windows 11", "amd64"}, {"SunOS", "sparcv9"}, {"Linux", "riscv64"}}) {
            assertThatThrownBy(() -> Platform.of(platform[0], platform[1]))
                    .isInstanceOfSatisfying(BenchrunException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.EXECUTION);
                        assertThat(e.getMessage())
                                .isEqualTo(
                                        "cannot profile on " + platform[0] + "/" + platform[1]
                                                + ": async-profiler runs on Linux x64, Linux arm64 and macOS; use 'benchrun run' here")
                                .doesNotContain("\n");
                    });
        }
    }

    @Test
    void cpuFallsBackToCtimerThenItimerWithANote() {
        var tried = new ArrayList<ProfileEvent>();
        var noPerfEvents = sampler(Set.of(ProfileEvent.CPU), tried);

        var resolution = EventProbe.resolve(ProfileEvent.CPU, Platform.LINUX_X64, noPerfEvents);

        assertThat(resolution.event()).isEqualTo(ProfileEvent.CTIMER);
        assertThat(resolution.note())
                .isEqualTo("event cpu is unavailable here (Perf events unavailable); "
                        + "sampling CPU time with ctimer instead, without kernel frames");
        assertThat(tried).containsExactly(ProfileEvent.CPU, ProfileEvent.CTIMER);

        var macos = EventProbe.resolve(ProfileEvent.CPU, Platform.MACOS, sampler(Set.of(ProfileEvent.CPU), tried));
        assertThat(macos.event()).isEqualTo(ProfileEvent.ITIMER);
    }

    @Test
    void aWorkingEventIsUsedAsIs() {
        var resolution =
                EventProbe.resolve(ProfileEvent.ALLOC, Platform.LINUX_X64, sampler(Set.of(), new ArrayList<>()));
        assertThat(resolution).isEqualTo(new EventProbe.Resolution(ProfileEvent.ALLOC, null));
    }

    @Test
    void anEventThatCannotWorkIsExitCode3NamingIt() {
        var nothingWorks = sampler(Set.of(ProfileEvent.values()), new ArrayList<>());
        assertThatThrownBy(() -> EventProbe.resolve(ProfileEvent.WALL, Platform.LINUX_X64, nothingWorks))
                .isInstanceOfSatisfying(BenchrunException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.EXECUTION);
                    assertThat(e.getMessage())
                            .isEqualTo("cannot profile event wall on this machine: Perf events unavailable");
                });
        assertThatThrownBy(() -> EventProbe.resolve(ProfileEvent.CPU, Platform.LINUX_X64, nothingWorks))
                .hasMessage("cannot profile event cpu on this machine: Perf events unavailable; try --event itimer");
    }

    @Test
    void jmhOptionsNameLibraryOutputsDirectoryAndEvent() {
        assertThat(AsyncOptions.jmh(Path.of("/s/cache/lib.so"), ProfileEvent.ITIMER, Path.of("/s/runs/x/profiles")))
                .isEqualTo("async:libPath=/s/cache/lib.so;output=flamegraph,collapsed;dir=/s/runs/x/profiles"
                        + ";event=itimer;interval=1000000");
        assertThat(AsyncOptions.jmh(Path.of("/lib.so"), ProfileEvent.ALLOC, Path.of("/p")))
                .isEqualTo("async:libPath=/lib.so;output=flamegraph,collapsed;dir=/p;event=alloc");
        assertThatThrownBy(() -> AsyncOptions.jmh(Path.of("/lib.so"), ProfileEvent.CPU, Path.of("/a;b")))
                .isInstanceOfSatisfying(
                        BenchrunException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT));
    }

    /** A profiler on which the given events fail the way async-profiler reports it. */
    private static EventProbe.Sampler sampler(Set<ProfileEvent> failing, java.util.List<ProfileEvent> tried) {
        return event -> {
            tried.add(event);
            return failing.contains(event) ? "Perf events unavailable" : null;
        };
    }
}
