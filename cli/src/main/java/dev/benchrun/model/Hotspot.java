package dev.benchrun.model;

import java.util.Objects;

/**
 * One frame of a profile and its share of the benchmark's samples.
 *
 * @param frame the method (or native function), e.g. {@code org.example.Foo.bar}
 * @param selfShare 0 to 1: samples with this frame on top of the stack
 * @param totalShare 0 to 1: samples with this frame anywhere on the stack (itself and its callees)
 */
public record Hotspot(String frame, double selfShare, double totalShare) {

    public Hotspot {
        Objects.requireNonNull(frame, "frame");
        if (selfShare < 0 || totalShare < selfShare - 1e-12 || totalShare > 1 + 1e-12) {
            throw new IllegalArgumentException(
                    "shares of " + frame + " out of order: self " + selfShare + ", total " + totalShare);
        }
    }
}
