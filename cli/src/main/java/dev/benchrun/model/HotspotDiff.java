package dev.benchrun.model;

import java.util.Objects;

/**
 * How one frame's share changed between a baseline profile and a candidate profile. Shares are
 * fractions (0 to 1) of each side's own samples, so runs of different length compare.
 */
public record HotspotDiff(
        String frame, double baselineSelf, double candidateSelf, double baselineTotal, double candidateTotal) {

    public HotspotDiff {
        Objects.requireNonNull(frame, "frame");
    }

    /**
     * The change of the total share in percentage points: positive means the frame (with its
     * callees) takes a larger part of the time than before. Total, not self, so a method that
     * grew by calling more of an unchanged callee still shows.
     */
    public double deltaPoints() {
        return (candidateTotal - baselineTotal) * 100;
    }

    /** The change of the self share in percentage points. */
    public double selfDeltaPoints() {
        return (candidateSelf - baselineSelf) * 100;
    }
}
