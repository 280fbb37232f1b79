package dev.benchrun.profiler;

import dev.benchrun.model.Hotspot;
import dev.benchrun.model.HotspotDiff;
import dev.benchrun.model.Hotspots;
import dev.benchrun.model.ProfileDiff;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Gives each frame its share of a benchmark's samples: self (on top of the stack) and total
 * (anywhere on it, counted once per sample even under recursion), the same definitions
 * async-profiler's flame graphs use for a frame's own width and its tower's width.
 */
public final class Attribution {

    private Attribution() {}

    /**
     * The hotspots of one profile. Only samples of the benchmark's own threads count (JIT, GC and
     * JMH's control threads are left out) unless no stack runs through JMH's generated code, as in
     * a profile of something else; harness frames are stripped from every stack.
     */
    public static Hotspots hotspots(CollapsedStacks profile, ProfileEvent event) {
        var scoped = benchmarkStacks(profile);
        long denominator =
                scoped.stream().mapToLong(CollapsedStacks.Stack::count).sum();
        var self = new HashMap<String, Long>();
        var total = new HashMap<String, Long>();
        for (var stack : scoped) {
            var frames = HarnessFrames.strip(stack.frames());
            if (frames.isEmpty()) {
                // JMH's own loop: part of the denominator, no frame of the user's to charge.
                continue;
            }
            self.merge(frames.get(frames.size() - 1), stack.count(), Long::sum);
            for (String frame : new HashSet<>(frames)) {
                total.merge(frame, stack.count(), Long::sum);
            }
        }
        var frames = total.entrySet().stream()
                .map(e -> new Hotspot(
                        e.getKey(),
                        share(self.getOrDefault(e.getKey(), 0L), denominator),
                        share(e.getValue(), denominator)))
                .toList();
        return new Hotspots(event.id(), profile.samples(), denominator, frames);
    }

    /** The stacks the shares are taken over: the benchmark's threads, or every stack if none is one. */
    static List<CollapsedStacks.Stack> benchmarkStacks(CollapsedStacks profile) {
        var inBenchmark = profile.stacks().stream()
                .filter(s -> HarnessFrames.inBenchmark(s.frames()))
                .toList();
        return inBenchmark.isEmpty() ? profile.stacks() : inBenchmark;
    }

    /** Every frame of either side with its shares on both; a frame missing on one side has 0 there. */
    public static ProfileDiff diff(String against, Hotspots baseline, Hotspots candidate) {
        Map<String, Hotspot> before = index(baseline);
        Map<String, Hotspot> after = index(candidate);
        var names = new TreeSet<String>(before.keySet());
        names.addAll(after.keySet());
        var none = new Hotspot("", 0, 0);
        var frames = names.stream()
                .map(name -> {
                    var b = before.getOrDefault(name, none);
                    var c = after.getOrDefault(name, none);
                    return new HotspotDiff(name, b.selfShare(), c.selfShare(), b.totalShare(), c.totalShare());
                })
                .toList();
        return new ProfileDiff(against, frames);
    }

    private static Map<String, Hotspot> index(Hotspots hotspots) {
        var map = new HashMap<String, Hotspot>();
        hotspots.frames().forEach(h -> map.put(h.frame(), h));
        return map;
    }

    private static double share(long count, long denominator) {
        return denominator == 0 ? 0 : (double) count / denominator;
    }
}
