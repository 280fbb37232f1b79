package dev.benchrun.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A benchmark's profile reduced to its frames' shares, harness frames left out.
 *
 * @param event the profiler event the samples come from, e.g. cpu or alloc
 * @param samples every sample in the profile
 * @param benchmarkSamples the samples in the benchmark's own threads, the denominator of the shares
 * @param frames every frame of the user's code (and the JDK or native code it calls)
 */
public record Hotspots(String event, long samples, long benchmarkSamples, List<Hotspot> frames) {

    private static final Comparator<Hotspot> BY_SELF =
            Comparator.comparingDouble(Hotspot::selfShare).reversed().thenComparing(Hotspot::frame);
    private static final Comparator<Hotspot> BY_TOTAL =
            Comparator.comparingDouble(Hotspot::totalShare).reversed().thenComparing(Hotspot::frame);

    public Hotspots {
        Objects.requireNonNull(event, "event");
        frames = List.copyOf(frames);
    }

    /** The n frames with the largest self share, largest first; frames without self time are left out. */
    public List<Hotspot> bySelf(int n) {
        return frames.stream()
                .filter(h -> h.selfShare() > 0)
                .sorted(BY_SELF)
                .limit(n)
                .toList();
    }

    /** The n frames with the largest total share, largest first. */
    public List<Hotspot> byTotal(int n) {
        return frames.stream().sorted(BY_TOTAL).limit(n).toList();
    }
}
