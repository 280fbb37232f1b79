package dev.benchrun.stats;

/**
 * How many samples a method needs: at least {@code count}, or — when {@code reachable} is false —
 * more than {@code count}, the limit the search stopped at.
 */
public record SampleRequirement(int count, boolean reachable) {

    public SampleRequirement {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }

    public static SampleRequirement atLeast(int count) {
        return new SampleRequirement(count, true);
    }

    public static SampleRequirement moreThan(int count) {
        return new SampleRequirement(count, false);
    }

    /** Whether {@code n} samples meet the requirement. */
    public boolean isMetBy(int n) {
        return reachable && n >= count;
    }

    /** "&gt;= 6" or "&gt; 50", as in benchstat's "need &gt;= 6 samples …". */
    @Override
    public String toString() {
        return (reachable ? ">= " : "> ") + count;
    }
}
