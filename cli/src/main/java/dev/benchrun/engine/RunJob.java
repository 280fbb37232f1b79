package dev.benchrun.engine;

import java.util.Objects;

/**
 * What {@code run} was asked: the benchmarks and settings, whether only to plan them, and what to
 * compare the stored run with afterwards.
 *
 * @param dryRun plan only: check everything, run and store nothing
 * @param compare the comparison to make right after the run (its candidate is the new run); null for none
 * @param saveBaseline the baseline to keep the new run in, after the comparison; null for none
 */
public record RunJob(RunRequest run, boolean dryRun, CompareRequest compare, SaveBaselineRequest saveBaseline) {

    public RunJob {
        Objects.requireNonNull(run, "run");
    }
}
