package dev.benchrun.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Where a run happened: machine, operating system, the JVM the forks ran on, tool versions and
 * the state of the working directory's git checkout. Fields that could not be read are null.
 */
public record Environment(
        String hostname,
        String os,
        String kernel,
        String arch,
        String cpuModel,
        int cores,
        Long memoryBytes,
        String cpuGovernor,
        Double loadAverage,
        Jvm jvm,
        String jmhVersion,
        String benchrunVersion,
        Git git,
        Noise noise) {

    /** The JVM the forks ran on. */
    public record Jvm(String path, String vendor, String version, String vmName, String vmVersion, List<String> args) {
        public Jvm {
            args = args == null ? List.of() : List.copyOf(args);
        }
    }

    /**
     * The commit the benchmarks were built from.
     *
     * @param dirty whether the checkout had uncommitted changes; false where the commit came from
     *     the jar or the command line, which cannot tell
     * @param source where the commit was read: {@code option} ({@code run --commit}), {@code jar}
     *     (the benchmark jar's manifest) or {@code checkout} (git in the working directory); null in
     *     runs older than the field, which always read the checkout
     */
    public record Git(String commit, String branch, boolean dirty, String source) {

        public static final String OPTION = "option";
        public static final String JAR = "jar";
        public static final String CHECKOUT = "checkout";
    }

    public Environment withJmhVersion(String version) {
        return new Environment(
                hostname,
                os,
                kernel,
                arch,
                cpuModel,
                cores,
                memoryBytes,
                cpuGovernor,
                loadAverage,
                jvm,
                version,
                benchrunVersion,
                git,
                noise);
    }

    public Environment withGit(Git newGit) {
        return new Environment(
                hostname,
                os,
                kernel,
                arch,
                cpuModel,
                cores,
                memoryBytes,
                cpuGovernor,
                loadAverage,
                jvm,
                jmhVersion,
                benchrunVersion,
                newGit,
                noise);
    }

    public Environment withNoise(Noise noise) {
        return new Environment(
                hostname,
                os,
                kernel,
                arch,
                cpuModel,
                cores,
                memoryBytes,
                cpuGovernor,
                loadAverage,
                jvm,
                jmhVersion,
                benchrunVersion,
                git,
                noise);
    }

    /**
     * A short hash of what makes two machines comparable (OS, kernel, CPU, cores, memory). Two runs
     * with different fingerprints are compared with a warning.
     */
    @JsonIgnore
    public String machineFingerprint() {
        return sha256(String.join("|", os, kernel, arch, cpuModel, String.valueOf(cores), String.valueOf(memoryBytes)));
    }

    private static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
