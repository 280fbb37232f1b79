package dev.benchrun.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/** The command line of a JMH child, read back with JMH's own option parser. */
class JmhArgumentsTest {

    private static final RunPlan.Item ITEM = new RunPlan.Item(
            "sum",
            "org.example.fixtures.TinyBench.sum",
            "datapath",
            List.of("avgt"),
            Map.of("n", List.of("16", "256")),
            2,
            3,
            1,
            "100ms",
            0.1,
            5,
            "200ms",
            0.2,
            Duration.ofSeconds(9));

    private static CommandLineOptions asJmhReadsIt(List<String> jvmArgs) throws Exception {
        var settings = new RunSettings(
                "quick",
                3,
                1,
                "100ms",
                5,
                "200ms",
                "avgt",
                "us",
                null,
                List.of("gc"),
                null,
                jvmArgs,
                Map.of(),
                "10min",
                "fixtures.jar",
                null,
                null);
        var command = JmhArguments.command(ITEM, settings, Path.of("fixtures.jar"), Path.of("out.json"), List.of());
        return new CommandLineOptions(
                command.subList(command.indexOf("-jar") + 2, command.size()).toArray(String[]::new));
    }

    @Test
    void everySettingReachesJmh() throws Exception {
        var options = asJmhReadsIt(List.of());
        assertThat(options.getIncludes()).containsExactly("^\\Qorg.example.fixtures.TinyBench.sum\\E$");
        assertThat(options.getForkCount().get()).isEqualTo(3);
        assertThat(options.getWarmupIterations().get()).isEqualTo(1);
        assertThat(options.getMeasurementIterations().get()).isEqualTo(5);
        assertThat(options.getMeasurementTime().get().toString()).isEqualTo("200 ms");
        assertThat(options.getParameter("n").get()).containsExactly("16", "256");
        assertThat(options.getResult().get()).isEqualTo("out.json");
        assertThat(options.getJvmArgsPrepend().hasValue()).isFalse();
    }

    @Test
    void jvmArgumentsWithSpacesArriveWhole() throws Exception {
        assertThat(asJmhReadsIt(List.of("-Dmsg=a b", "-Xmx1g"))
                        .getJvmArgsPrepend()
                        .get())
                .containsExactly("-Dmsg=a b", "-Xmx1g");
        assertThat(asJmhReadsIt(List.of("-Dmsg=a b")).getJvmArgsPrepend().get()).containsExactly("-Dmsg=a b");
        assertThat(asJmhReadsIt(List.of("-Dmsg=say \"hi\"", "-Xmx1g"))
                        .getJvmArgsPrepend()
                        .get())
                .containsExactly("-Dmsg=say \"hi\"", "-Xmx1g");
    }

    @Test
    void aLoneJvmArgumentWithADoubleQuoteIsRefused() {
        assertThatThrownBy(() -> JmhArguments.jvmArgs(List.of("-Dmsg=\"hi\"")))
                .isInstanceOfSatisfying(
                        BenchrunException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT))
                .hasMessageStartingWith("JVM argument '-Dmsg=\"hi\"': ");
    }
}
