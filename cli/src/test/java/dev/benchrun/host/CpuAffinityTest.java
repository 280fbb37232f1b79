package dev.benchrun.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.BenchrunException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuAffinityTest {

    @Test
    void readsTheAllowedCpusOfProcSelfStatusRangesAndSingles() {
        var status = List.of("Name:\tjava", "Cpus_allowed:\tff", "Cpus_allowed_list:\t0-3,6,8-9", "Mems_allowed:\t1");

        assertThat(CpuAffinity.allowed(status)).containsExactly(0, 1, 2, 3, 6, 8, 9);
    }

    @Test
    void splitsTheCpusInTwoHalvesTheLowerFirstAndSidesSwapHalvesFromPairToPair() {
        var duet = CpuAffinity.split(List.of(0, 1, 2, 3, 6), 5, "--duet");

        assertThat(duet.first()).isEqualTo("0,1");
        assertThat(duet.second()).isEqualTo("2,3");
        assertThat(duet.cpus()).isEqualTo(5);
        assertThat(duet.cpusOf(true, 0)).isEqualTo("0,1");
        assertThat(duet.cpusOf(false, 0)).isEqualTo("2,3");
        assertThat(duet.cpusOf(true, 1)).isEqualTo("2,3");
        assertThat(duet.cpusOf(false, 1)).isEqualTo("0,1");
    }

    @Test
    void oneCpuOrOneCpusWorthOfQuotaIsExitCode2() {
        assertThatThrownBy(() -> CpuAffinity.split(List.of(0), 1, "--duet"))
                .isInstanceOf(BenchrunException.class)
                .hasMessage("--duet runs the two forks of a pair at once, one on each of two CPUs;"
                        + " benchrun may use 1 CPU here");
        // A container's quota of one CPU on a machine of many: the two forks would share one CPU's time.
        assertThatThrownBy(() -> CpuAffinity.split(List.of(0, 1, 2, 3), 1, "--duet"))
                .hasMessageEndingWith("benchrun may use 1 CPU here");
    }

    @Test
    void pinsACommandWithTaskset() {
        assertThat(CpuAffinity.pinned("1", List.of("java", "-jar", "b.jar")))
                .containsExactly("taskset", "-c", "1", "java", "-jar", "b.jar");
    }
}
