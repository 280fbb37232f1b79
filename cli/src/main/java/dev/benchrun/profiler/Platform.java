package dev.benchrun.profiler;

import dev.benchrun.BenchrunException;
import java.util.Locale;

/**
 * The platforms the bundled async-profiler has a library for, named as the directories inside
 * its jar ({@code linux-x64/libasyncProfiler.so}, ...).
 */
public enum Platform {
    LINUX_X64("linux-x64"),
    LINUX_ARM64("linux-arm64"),
    MACOS("macos");

    private final String directory;

    Platform(String directory) {
        this.directory = directory;
    }

    /** The directory in the async-profiler jar, also used for the extracted copy. */
    public String directory() {
        return directory;
    }

    public static Platform current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** The platform for Java's {@code os.name} and {@code os.arch}; exit 3 where async-profiler has no library. */
    public static Platform of(String osName, String osArch) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            // One universal library serves Intel and Apple silicon.
            return MACOS;
        }
        if (os.startsWith("linux")) {
            switch (arch) {
                case "amd64", "x86_64" -> {
                    return LINUX_X64;
                }
                case "aarch64", "arm64" -> {
                    return LINUX_ARM64;
                }
                default -> {}
            }
        }
        throw BenchrunException.execution("cannot profile on " + osName + "/" + osArch
                + ": async-profiler runs on Linux x64, Linux arm64 and macOS; use 'benchrun run' here");
    }
}
