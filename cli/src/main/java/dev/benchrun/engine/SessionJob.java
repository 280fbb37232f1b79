package dev.benchrun.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code run --against} was asked: the candidate's benchmarks and settings, how the baseline
 * side differs from it, how long to go on, and how to judge the pairs.
 *
 * @param candidate the candidate side, as {@code run} would run it (its profile defaults to {@code pairs})
 * @param against what makes the baseline side: another jar, JVM or JVM arguments
 * @param dryRun plan only: check everything, run and store nothing
 * @param compare the thresholds and statistics to judge with (its baseline and candidate are unused)
 * @param maxTime the most the whole session may take; null for no limit
 * @param maxPairs the most pairs a benchmark may take; null for the default
 * @param precision stop a benchmark once its interval's half-width is at most this fraction; null for none
 * @param duet run the two forks of a pair at once, each pinned to its own half of the CPUs
 * @param strictEnv refuse to run (exit 2) when the noise preflight finds the machine noisy
 */
public record SessionJob(
        RunRequest candidate,
        Against against,
        boolean dryRun,
        CompareRequest compare,
        Duration maxTime,
        Integer maxPairs,
        Double precision,
        boolean duet,
        boolean strictEnv) {

    public SessionJob {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(against, "against");
    }

    /**
     * How the baseline side differs from the candidate; null fields are the candidate's.
     *
     * @param jar the baseline build's benchmark jar
     * @param jvm the baseline side's java
     * @param jvmArgs the baseline side's JVM arguments, instead of the candidate's
     */
    public record Against(Path jar, Path jvm, List<String> jvmArgs) {
        public Against {
            jvmArgs = jvmArgs == null ? null : List.copyOf(jvmArgs);
        }

        public boolean differs() {
            return jar != null || jvm != null || jvmArgs != null;
        }
    }
}
