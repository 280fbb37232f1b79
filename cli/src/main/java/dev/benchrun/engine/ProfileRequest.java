package dev.benchrun.engine;

import dev.benchrun.profiler.ProfileEvent;
import java.util.Objects;

/**
 * What {@code profile} was asked: a selection to run with the profiler attached, the event, and
 * optionally the other side to diff against.
 *
 * @param against a baseline name or a run id holding profiles of the same benchmarks; null for none
 */
public record ProfileRequest(RunRequest run, ProfileEvent event, String against) {

    public ProfileRequest {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(event, "event");
    }
}
