package dev.benchrun.model;

/** How much worse (as a fraction: 0.10 = 10%) is a warning and how much a failure. */
public record Threshold(double warning, double failure) {

    public Threshold {
        if (warning < 0 || failure < 0) {
            throw new IllegalArgumentException("thresholds are not negative");
        }
    }
}
