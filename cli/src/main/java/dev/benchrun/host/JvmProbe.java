package dev.benchrun.host;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.model.JvmInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Asks a java executable what it is, so plans and run records name the JVM the forks use. */
public final class JvmProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private JvmProbe() {}

    /** The java executable running benchrun. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public static JvmInfo probe(Path java) {
        return probe(java, "--jvm");
    }

    /** @param option the option that named this java, e.g. {@code --against-jvm}, for its errors */
    public static JvmInfo probe(Path java, String option) {
        if (!Files.isExecutable(java)) {
            throw BenchrunException.input(option + " " + java + " is not an executable java");
        }
        try {
            var exit = ChildProcess.capture(
                    // The flags line names the collector the JVM picks by itself on this machine.
                    List.of(java.toString(), "-XshowSettings:properties", "-XX:+PrintCommandLineFlags", "-version"),
                    ChildProcess.Errors.MERGED,
                    TIMEOUT);
            if (!exit.succeeded()) {
                throw BenchrunException.input(option + " " + java + " did not run: " + firstLine(exit.output()));
            }
            Map<String, String> props = properties(exit.output());
            String version = props.get("java.version");
            if (version == null) {
                // Anything that exits 0 passes the run above (/bin/true does); only a java names its version.
                throw BenchrunException.input(option + " " + java
                        + " is not a java: it did not report a Java version; give the path of a java executable");
            }
            return new JvmInfo(
                    java.toString(),
                    props.get("java.vendor"),
                    version,
                    feature(props.getOrDefault("java.specification.version", version)),
                    props.get("java.vm.name"),
                    props.get("java.vm.version"),
                    gc(exit.output()));
        } catch (IOException e) {
            throw BenchrunException.input(option + " " + java + " could not be started: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchrunException(ExitCode.INTERRUPTED, "interrupted");
        }
    }

    static Map<String, String> properties(String output) {
        var props = new HashMap<String, String>();
        for (String line : output.split("\\R")) {
            int eq = line.indexOf(" = ");
            if (line.startsWith("    ") && eq > 0) {
                props.putIfAbsent(
                        line.substring(0, eq).trim(), line.substring(eq + 3).trim());
            }
        }
        return props;
    }

    private static final java.util.regex.Pattern USE_GC = java.util.regex.Pattern.compile("-XX:\\+Use(\\w+)GC\\b");

    /** The collector of a {@code -XX:+PrintCommandLineFlags} line ({@code -XX:+UseG1GC} → {@code G1}), or null. */
    static String gc(String output) {
        for (String line : output.split("\\R")) {
            if (line.startsWith("-XX:")) {
                var m = USE_GC.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    static int feature(String version) {
        String v = version.startsWith("1.") ? version.substring(2) : version;
        String digits = v.split("[^0-9]", 2)[0];
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("no output");
    }
}
