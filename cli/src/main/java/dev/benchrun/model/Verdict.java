package dev.benchrun.model;

/** What a comparison concludes for one benchmark, in order of severity. */
public enum Verdict {
    /** No significant change, or smaller than the noise floor. */
    NO_CHANGE("~"),
    /** Significantly better. */
    IMPROVEMENT("improvement"),
    /** Significantly worse, below the warning threshold. */
    SLOWER("slower"),
    /** Worse by at least the warning threshold. */
    WARNING("WARNING"),
    /** Worse by at least the failure threshold, or a benchmark that did not allocate now does. */
    REGRESSION("REGRESSION");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** As shown in tables: "~", "improvement", "slower", "WARNING", "REGRESSION". */
    public String label() {
        return label;
    }

    public Verdict worse(Verdict other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
