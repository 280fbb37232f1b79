package dev.benchrun.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.model.RunSettings;
import dev.benchrun.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** What differs between two runs' settings, as a comparison warns about it. */
class EnvironmentWarningsTest {

    private static RunSettings annotated(RunSettings s) {
        return new RunSettings(
                s.profile(),
                s.forks(),
                s.warmupIterations(),
                s.warmupTime(),
                s.measurementIterations(),
                s.measurementTime(),
                s.mode(),
                s.timeUnit(),
                s.threads(),
                s.profilers(),
                s.jvm(),
                s.jvmArgs(),
                s.params(),
                s.timeout(),
                s.jar(),
                s.shard(),
                true);
    }

    @Test
    void aRunOfTheBenchmarksOwnAnnotationsHasOtherSettingsThanOneOfTheProfile() throws Exception {
        var profiled = Fixtures.run("20261123T061500Z-aaaa");
        var own = profiled.withSettings(annotated(profiled.settings()));

        assertThat(EnvironmentWarnings.between(profiled, own))
                .contains("different settings: quick 2f 1×100ms + 2×100ms vs quick with each benchmark's own"
                        + " annotations");
        assertThat(EnvironmentWarnings.between(own, own)).noneMatch(w -> w.startsWith("different settings"));
    }

    @Test
    void aReportDoesNotShowTheFallbackIterationsOfAnAnnotatedRunAsItsOwn() throws Exception {
        var profiled = Fixtures.run("20261123T061500Z-aaaa");
        var own = profiled.withSettings(annotated(profiled.settings()));

        var execution = ReportAssembler.execution(own);

        assertThat(execution.annotations()).isTrue();
        assertThat(execution.forks()).isNull();
        assertThat(execution.measurementIterations()).isNull();
        assertThat(execution.profile()).isEqualTo("quick");
        assertThat(ReportAssembler.execution(profiled).annotations()).isNull();
        assertThat(ReportAssembler.execution(profiled).forks()).isEqualTo(2);
    }
}
