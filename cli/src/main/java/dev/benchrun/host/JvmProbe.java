package dev.benchrun.host;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.model.JvmInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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

    /** The environment variables a JVM takes options from: one may name a collector. */
    static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    /**
     * Everything {@link #probe}'s answer depends on, as one line, so that a kept answer is used only
     * for the same java on the same machine: the executable's real path; the size and modification
     * time of it and of its JDK's {@code lib/modules} and {@code release} (an update in place, even
     * one that keeps the executable, rewrites {@code lib/modules}); the CPUs and memory HotSpot
     * picks its default collector by; the environment variables a JVM reads options from.
     *
     * @return null where the java cannot be read: then it is probed, and its error is the probe's
     */
    public static String fingerprint(Path java) {
        return fingerprint(java, System.getenv(), Runtime.getRuntime().availableProcessors(), memoryBytes());
    }

    static String fingerprint(Path java, Map<String, String> environment, int cpus, String memory) {
        if (!Files.isExecutable(java)) {
            return null;
        }
        try {
            Path real = java.toRealPath();
            Path home = real.getParent() == null ? null : real.getParent().getParent();
            var line = new StringBuilder("java=").append(real).append(' ').append(stamp(real));
            if (home != null) {
                line.append(" modules=").append(stamp(home.resolve("lib").resolve("modules")));
                line.append(" release=").append(stamp(home.resolve("release")));
            }
            line.append(" cpus=").append(cpus).append(" memory=").append(memory);
            for (String variable : OPTION_VARIABLES) {
                String value = environment.get(variable);
                line.append(' ').append(variable).append('=').append(value == null ? "-" : "'" + value + "'");
            }
            return line.toString();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** {@code size@mtime} (the time to the file system's precision), or {@code -} where there is no such file. */
    private static String stamp(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "-";
        }
        var attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.size() + "@" + attributes.lastModifiedTime().toInstant();
    }

    /** Files that hold the memory a JVM sees on Linux: the machine's, and a container's limit (cgroup v2, v1). */
    private static final List<Path> MEMORY_FILES = List.of(
            Path.of("/proc/meminfo"),
            Path.of("/sys/fs/cgroup/memory.max"),
            Path.of("/sys/fs/cgroup/memory/memory.limit_in_bytes"));

    /**
     * The memory HotSpot sizes itself by, a container's limit included: on Linux {@code MemTotal}
     * and the cgroup limits as they are written, without the 20 ms and more of loading the
     * management classes before the first benchmark; elsewhere the JDK's figure.
     */
    private static String memoryBytes() {
        if (Files.isReadable(MEMORY_FILES.get(0))) {
            var figures = new StringBuilder();
            for (Path file : MEMORY_FILES) {
                figures.append(figures.length() == 0 ? "" : "/").append(memoryFigure(file));
            }
            return figures.toString();
        }
        try {
            var os = ManagementFactory.getOperatingSystemMXBean();
            return os instanceof com.sun.management.OperatingSystemMXBean sun
                    ? String.valueOf(sun.getTotalMemorySize())
                    : "-";
        } catch (RuntimeException | LinkageError e) {
            return "-";
        }
    }

    /** {@code MemTotal} of {@code /proc/meminfo}, or a cgroup file's one line; {@code -} where there is none. */
    private static String memoryFigure(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> !file.endsWith("meminfo") || l.startsWith("MemTotal:"))
                    .map(l -> l.replaceAll("\\s+", ""))
                    .findFirst()
                    .orElse("-");
        } catch (IOException | RuntimeException e) {
            return "-";
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
