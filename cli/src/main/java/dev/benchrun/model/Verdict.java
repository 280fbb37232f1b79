package dev.benchrun.model;

/** What a comparison concludes for one benchmark, in order of severity. */
public enum Verdict {
    /**
     * Not judged: the two sides' units do not convert into each other (B/op against ns/op, or a
     * unit benchrun does not know against another). Neither better nor worse, so never counted as
     * unchanged; {@code --strict} fails the gate on it.
     */
    NOT_COMPARED("not compared"),
    /** No significant change, or smaller than the noise floor. */
    NO_CHANGE("~"),
    /** Significantly better. */
    IMPROVEMENT("improvement"),
    /**
     * Undecided: the interval of a paired comparison is too wide to say either that the change is
     * inside the equivalence margin or that it is real. More pairs would decide; {@code --fail-on
     * inconclusive} fails the gate on it.
     */
    INCONCLUSIVE("INCONCLUSIVE"),
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

    /** As shown in tables: "not compared", "~", "improvement", "INCONCLUSIVE", "slower", "WARNING", "REGRESSION". */
    public String label() {
        return label;
    }

    /** True for every verdict but {@link #NOT_COMPARED}: the benchmark's two sides were judged. */
    public boolean compared() {
        return this != NOT_COMPARED;
    }

    public Verdict worse(Verdict other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
