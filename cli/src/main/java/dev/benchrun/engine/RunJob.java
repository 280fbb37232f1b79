package dev.benchrun.engine;

import java.util.Objects;

/**
 * What {@code run} was asked: the benchmarks and settings, whether only to plan them, and what to
 * compare the stored run with afterwards.
 *
 * @param dryRun plan only: check everything, run and store nothing
 * @param compare the comparison to make right after the run (its candidate is the new run); null for none
 * @param saveBaseline the baseline to keep the new run in, after the comparison; null for none
 * @param strictEnv refuse to run (exit 2) when the noise preflight finds the machine noisy
 * @param commit the commit to record ({@code --commit}), over the jar's and the checkout's; null for none
 * @param branch the branch to record ({@code --branch}); null for none
 * @param shard run only this part of the selection ({@code --shard I/N}); null for all of it
 */
public record RunJob(
        RunRequest run,
        boolean dryRun,
        CompareRequest compare,
        SaveBaselineRequest saveBaseline,
        boolean strictEnv,
        String commit,
        String branch,
        Shard shard) {

    public RunJob {
        Objects.requireNonNull(run, "run");
    }

    /** A run of the whole selection that records the commit of its jar or its checkout. */
    public RunJob(
            RunRequest run,
            boolean dryRun,
            CompareRequest compare,
            SaveBaselineRequest saveBaseline,
            boolean strictEnv) {
        this(run, dryRun, compare, saveBaseline, strictEnv, null, null, null);
    }

    /** A run that measures on whatever machine it gets. */
    public RunJob(RunRequest run, boolean dryRun, CompareRequest compare, SaveBaselineRequest saveBaseline) {
        this(run, dryRun, compare, saveBaseline, false);
    }
}
