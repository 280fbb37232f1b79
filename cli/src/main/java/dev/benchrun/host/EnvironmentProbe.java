package dev.benchrun.host;

import dev.benchrun.model.Environment;
import dev.benchrun.model.JvmInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the facts a run records about its machine. Each fact is best effort: what cannot be
 * read (another OS, no git) is left null rather than failing the run.
 */
public final class EnvironmentProbe {

    public static final String VERSION = Optional.ofNullable(
                    EnvironmentProbe.class.getPackage().getImplementationVersion())
            .orElse("0.1.0");

    private static final Duration GIT_TIMEOUT = Duration.ofSeconds(10);

    private EnvironmentProbe() {}

    public static Environment capture(JvmInfo jvm, List<String> jvmArgs, String jmhVersion, Path workingDir) {
        return capture(jvm, jvmArgs, jmhVersion, workingDir, loadAverage());
    }

    /**
     * The same facts as {@link #capture}, the load average read now (before the benchmarks run, so
     * it is the machine's, not theirs) and the rest on a daemon thread: git's three commands and the
     * host name then take their time beside the first JMH child's start, not before it.
     */
    public static CompletableFuture<Environment> begin(
            JvmInfo jvm, List<String> jvmArgs, String jmhVersion, Path workingDir) {
        Double load = loadAverage();
        return CompletableFuture.supplyAsync(() -> capture(jvm, jvmArgs, jmhVersion, workingDir, load), task -> {
            var thread = new Thread(task, "benchrun-environment");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * The 1-minute load average: {@code /proc/loadavg}'s first figure, which is what the JDK's
     * {@code getSystemLoadAverage} reads there too, without the 20 ms and more of loading the
     * management classes before the first benchmark; elsewhere the JDK's.
     */
    private static Double loadAverage() {
        String line = firstLine(Path.of("/proc/loadavg"));
        if (line != null) {
            try {
                return Double.parseDouble(line.split("\\s+", 2)[0]);
            } catch (NumberFormatException e) {
                // not Linux's format: ask the JDK
            }
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? null : load;
    }

    private static Environment capture(
            JvmInfo jvm, List<String> jvmArgs, String jmhVersion, Path workingDir, Double load) {
        return new Environment(
                hostname(),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                memoryBytes(),
                firstLine(Path.of("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor")),
                load,
                new Environment.Jvm(jvm.path(), jvm.vendor(), jvm.version(), jvm.vmName(), jvm.vmVersion(), jvmArgs),
                jmhVersion,
                VERSION,
                git(workingDir),
                null);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Long memoryBytes() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024)
                    .findFirst()
                    .orElse(null);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .findFirst()
                    .map(String::trim)
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Manifest attributes that name the commit a jar was built from, the first present wins. */
    static final List<String> COMMIT_ATTRIBUTES = List.of("Git-Commit", "Git-Commit-Id", "SCM-Revision");
    /** Manifest attributes that name its branch. */
    static final List<String> BRANCH_ATTRIBUTES = List.of("Git-Branch", "SCM-Branch");

    private static final java.util.regex.Pattern COMMIT = java.util.regex.Pattern.compile("[0-9a-fA-F]{7,64}");

    /**
     * The commit the benchmarks were built from: the one given on the command line, else the one the
     * jar's manifest names (built elsewhere, or from another checkout than the working directory),
     * else the working directory's checkout. A branch given alone renames the branch of whichever
     * commit was found.
     *
     * @param commit {@code --commit}; null when not given
     * @param branch {@code --branch}; null when not given
     * @param checkout the working directory's, as {@link #capture} read it; null outside git
     */
    public static Environment.Git revision(String commit, String branch, Path jar, Environment.Git checkout) {
        if (commit != null) {
            return new Environment.Git(commit, branch, false, Environment.Git.OPTION);
        }
        var fromJar = jar == null ? null : ofJar(jar);
        var found = fromJar != null ? fromJar : checkout;
        return branch == null || found == null
                ? found
                : new Environment.Git(found.commit(), branch, found.dirty(), found.source());
    }

    /** The commit and branch a jar's manifest names; null where it names no commit or cannot be read. */
    static Environment.Git ofJar(Path jar) {
        try (var file = new java.util.jar.JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            if (manifest == null) {
                return null;
            }
            var attributes = manifest.getMainAttributes();
            String commit = COMMIT_ATTRIBUTES.stream()
                    .map(attributes::getValue)
                    .filter(v -> v != null && COMMIT.matcher(v.trim()).matches())
                    .map(String::trim)
                    .findFirst()
                    .orElse(null);
            if (commit == null) {
                return null;
            }
            String branch = BRANCH_ATTRIBUTES.stream()
                    .map(attributes::getValue)
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::trim)
                    .findFirst()
                    .orElse(null);
            return new Environment.Git(commit, branch, false, Environment.Git.JAR);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static Environment.Git git(Path dir) {
        String commit = gitOutput(dir, "rev-parse", "HEAD");
        if (commit == null) {
            return null;
        }
        String branch = gitOutput(dir, "rev-parse", "--abbrev-ref", "HEAD");
        String status = gitOutput(dir, "status", "--porcelain", "--untracked-files=no");
        return new Environment.Git(commit, branch, status != null && !status.isBlank(), Environment.Git.CHECKOUT);
    }

    private static String gitOutput(Path dir, String... args) {
        var command = new ArrayList<String>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            var exit = ChildProcess.capture(command, ChildProcess.Errors.DISCARDED, GIT_TIMEOUT);
            return exit.succeeded() ? exit.output().trim() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
