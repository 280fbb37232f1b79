package dev.benchrun.model;

/** An estimate with the bounds of its confidence interval. */
public record Interval(double estimate, double lower, double upper) {

    /** Half the interval's width relative to the estimate, as benchstat prints "± x%". */
    public double relativeHalfWidth() {
        return estimate == 0 ? 0 : Math.max(upper - estimate, estimate - lower) / Math.abs(estimate);
    }

    public boolean excludes(double value) {
        return value < lower || value > upper;
    }
}
