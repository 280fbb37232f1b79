package dev.benchrun.profiler;

import dev.benchrun.BenchrunException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import one.profiler.AsyncProfiler;

/**
 * Finds out, before any benchmark runs, whether an event can be sampled on this machine, and
 * picks a CPU-time engine that works when {@code cpu} (perf_events) cannot: containers, seccomp,
 * {@code perf_event_paranoid}, VMs without a PMU.
 */
public final class EventProbe {

    /** Starts and stops sampling one event; null if that worked, else the profiler's reason. */
    @FunctionalInterface
    public interface Sampler {
        String tryStart(ProfileEvent event);
    }

    /**
     * The event the run will use.
     *
     * @param note one line saying why it differs from the requested event; null when it does not
     */
    public record Resolution(ProfileEvent event, String note) {}

    private EventProbe() {}

    /** Resolves {@code requested}; an event that cannot work at all is exit 3, naming the event and why. */
    public static Resolution resolve(ProfileEvent requested, Platform platform, Sampler sampler) {
        String reason = sampler.tryStart(requested);
        if (reason == null) {
            return new Resolution(requested, null);
        }
        if (requested == ProfileEvent.CPU) {
            for (ProfileEvent fallback : cpuFallbacks(platform)) {
                if (sampler.tryStart(fallback) == null) {
                    return new Resolution(
                            fallback,
                            "event cpu is unavailable here (" + oneLine(reason) + "); sampling CPU time with "
                                    + fallback.id() + " instead, without kernel frames");
                }
            }
        }
        throw BenchrunException.execution("cannot profile event " + requested.id() + " on this machine: "
                + oneLine(reason) + (requested.cpuTime() ? "; try --event itimer" : ""));
    }

    private static List<ProfileEvent> cpuFallbacks(Platform platform) {
        var fallbacks = new ArrayList<ProfileEvent>();
        if (platform != Platform.MACOS) {
            // ctimer counts CPU time per thread like perf_events do; itimer is process-wide and coarser.
            fallbacks.add(ProfileEvent.CTIMER);
        }
        fallbacks.add(ProfileEvent.ITIMER);
        return fallbacks;
    }

    private static String oneLine(String text) {
        String line = text == null || text.isBlank()
                ? "no reason given"
                : text.strip().lines().findFirst().orElse("");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    /** Probes with the library loaded into this JVM: the kernel decides, and it is the same for the forks. */
    public static Sampler inProcess(Path library) {
        AsyncProfiler profiler;
        try {
            profiler = AsyncProfiler.getInstance(library.toString());
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw BenchrunException.execution("cannot load async-profiler from " + library + ": " + e.getMessage(), e);
        }
        return event -> {
            try {
                profiler.execute("start,event=" + event.id());
                profiler.execute("stop");
                return null;
            } catch (IllegalStateException | IllegalArgumentException | IOException e) {
                return e.getMessage();
            }
        };
    }
}
