package dev.benchrun.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A benchmark's profile against the same benchmark's profile on another side.
 *
 * @param against the other side as the user named it: a baseline name or a run id
 * @param frames every frame seen on either side
 */
public record ProfileDiff(String against, List<HotspotDiff> frames) {

    public ProfileDiff {
        Objects.requireNonNull(against, "against");
        frames = List.copyOf(frames);
    }

    /** The n frames whose total share grew most, largest growth first. */
    public List<HotspotDiff> grown(int n) {
        return frames.stream()
                .filter(d -> d.deltaPoints() > 0)
                .sorted(Comparator.comparingDouble(HotspotDiff::deltaPoints)
                        .reversed()
                        .thenComparing(Comparator.comparingDouble(HotspotDiff::selfDeltaPoints)
                                .reversed())
                        .thenComparing(HotspotDiff::frame))
                .limit(n)
                .toList();
    }

    /** The n frames whose total share shrank most, largest drop first. */
    public List<HotspotDiff> shrunk(int n) {
        return frames.stream()
                .filter(d -> d.deltaPoints() < 0)
                .sorted(Comparator.comparingDouble(HotspotDiff::deltaPoints)
                        .thenComparing(Comparator.comparingDouble(HotspotDiff::selfDeltaPoints))
                        .thenComparing(HotspotDiff::frame))
                .limit(n)
                .toList();
    }
}
