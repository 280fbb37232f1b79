package dev.benchrun.model;

/**
 * The next step a benchmark's measurements support (docs/compare.md, "Recommendations"), with the
 * figure that triggered it.
 *
 * @param benchmark the benchmark's name as the comparison's rows show it
 * @param advice what to do, e.g. "compare in an A/B session (run --against)"
 * @param evidence the figure behind it, e.g. "its interval [-6.1%, +14.0%] reaches past the 10%
 *     warning threshold; the baseline's 5 runs drift ±4.2%"
 */
public record Recommendation(String benchmark, Kind kind, String advice, String evidence) {

    /** What the recommendation is about. */
    public enum Kind {
        /** The measured iterations of a fork still trend: warm-up is too short. */
        WARM_UP,
        /** An A/B session's benchmark its pairs could not decide: more pairs would. */
        MORE_PAIRS,
        /** A stored comparison too wide to decide, or one whose baseline cannot see drift: the A/B path. */
        AB_PATH,
        /** A baseline of fewer runs than it keeps: more runs see the drift better. */
        MORE_BASELINE_RUNS,
        /** The machine was noisy while a side ran. */
        QUIETER_MACHINE,
        /** Bytes allocated per operation grew. */
        ALLOCATION,
        /** A profile of the regression shows a frame that grew. */
        HOTSPOT
    }
}
