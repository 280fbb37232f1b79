package dev.benchrun.profiler;

import java.util.Locale;

/** What async-profiler samples. */
public enum ProfileEvent {
    /** CPU time through perf_events: the most accurate, with kernel frames; often blocked in containers. */
    CPU(true, false),
    /** CPU time through a POSIX CPU-time timer per thread (timer_create); no perf_events needed. Linux only. */
    CTIMER(true, false),
    /** CPU time through setitimer(ITIMER_PROF): works everywhere, less even across threads. */
    ITIMER(true, false),
    /** Wall-clock time: running and waiting threads alike. */
    WALL(false, false),
    /** Heap allocations, sampled by size (JVMTI SampledObjectAlloc); the allocated type tops each stack. */
    ALLOC(false, true),
    /** Contended monitors and locks; the lock's type tops each stack. */
    LOCK(false, true);

    private final boolean cpuTime;
    private final boolean objectOnTop;

    ProfileEvent(boolean cpuTime, boolean objectOnTop) {
        this.cpuTime = cpuTime;
        this.objectOnTop = objectOnTop;
    }

    /** The name async-profiler and JMH use, and the one stored in run.json. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the samples measure CPU time: such profiles compare with each other whatever the engine. */
    public boolean cpuTime() {
        return cpuTime;
    }

    /** Whether each stack ends in the sampled object's type (allocated or locked) rather than a frame. */
    public boolean objectOnTop() {
        return objectOnTop;
    }

    /** Whether profiles of the two events can be compared frame by frame. */
    public boolean comparableWith(ProfileEvent other) {
        return this == other || cpuTime && other.cpuTime;
    }

    /** The event of a stored artefact, or null for one this benchrun does not know. */
    public static ProfileEvent byId(String id) {
        for (ProfileEvent event : values()) {
            if (event.id().equals(id)) {
                return event;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id();
    }
}
