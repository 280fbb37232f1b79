package dev.benchrun.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollapsedStacksTest {

    @Test
    void readsFramesAndCountsWithJavaNamesAndTiersMerged() {
        var profile = CollapsedStacks.parse("""
                java/lang/Thread.run;org/example/Foo.bar_[j];org/example/Foo.baz_[i] 7
                java/lang/Thread.run;org/example/Foo.bar_[0] 3

                __memmove_avx_unaligned_erms;asm_exc_page_fault_[k] 2
                """, ProfileEvent.CPU, "test.csv");

        assertThat(profile.stacks())
                .containsExactly(
                        new CollapsedStacks.Stack(
                                List.of("java.lang.Thread.run", "org.example.Foo.bar", "org.example.Foo.baz"), 7),
                        new CollapsedStacks.Stack(List.of("java.lang.Thread.run", "org.example.Foo.bar"), 3),
                        new CollapsedStacks.Stack(
                                List.of("__memmove_avx_unaligned_erms", "asm_exc_page_fault [kernel]"), 2));
        assertThat(profile.samples()).isEqualTo(12);
    }

    @Test
    void keepsSpacesInNativeFramesAndHiddenClassSuffixes() {
        var profile = CollapsedStacks.parse(
                "operator new(unsigned long);org/example/Foo$$Lambda$14/0x0000000800c03000.apply 5\n",
                ProfileEvent.CPU,
                "test.csv");

        assertThat(profile.stacks().get(0).frames())
                .containsExactly("operator new(unsigned long)", "org.example.Foo$$Lambda$14/0x0000000800c03000.apply");
        assertThat(profile.stacks().get(0).count()).isEqualTo(5);
    }

    @Test
    void allocationProfilesEndAtTheAllocationSiteNotTheType() {
        var text = """
                java/lang/Thread.run;org/example/Foo.allocate;byte[]_[i] 1508
                java/lang/Thread.run;org/example/Foo.grow;java.lang.Object[]_[k] 2
                """;
        var alloc = CollapsedStacks.parse(text, ProfileEvent.ALLOC, "alloc.csv");
        assertThat(alloc.stacks())
                .extracting(s -> s.frames().get(s.frames().size() - 1))
                .containsExactly("org.example.Foo.allocate", "org.example.Foo.grow");

        // The same text as a CPU profile keeps every frame.
        var cpu = CollapsedStacks.parse(text, ProfileEvent.CPU, "cpu.csv");
        assertThat(cpu.stacks().get(0).frames()).endsWith("byte[]");
    }

    @Test
    void aMalformedLineIsAnInputErrorNamingFileAndLine() {
        assertThatThrownBy(() -> CollapsedStacks.parse("a;b 1\na;b many\n", ProfileEvent.CPU, "x.csv"))
                .isInstanceOfSatisfying(BenchrunException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT);
                    assertThat(e.getMessage())
                            .isEqualTo("x.csv line 2 is not collapsed stacks ('frame;frame;... count')");
                });
    }
}
