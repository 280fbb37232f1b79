package dev.benchrun.model;

import java.util.List;
import java.util.Objects;

/**
 * How quiet the machine was for a run, as the run table and the report say it.
 *
 * @param headline one line, e.g. {@code quiet (load 0.1 on 2 CPUs, no steal, governor performance)} or
 *     {@code noisy — load 3.4 on 2 CPUs, 2 other processes busy (java 85%, cc1 40%)}
 * @param warnings one line per figure that makes the results unstable: load, steal, busy processes, swapping
 * @param notes one line per setting that changes what the numbers mean: governor, turbo, {@code -Xint}
 */
public record NoiseSummary(String headline, List<String> warnings, List<String> notes) {

    public NoiseSummary {
        Objects.requireNonNull(headline, "headline");
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    public boolean noisy() {
        return !warnings.isEmpty();
    }
}
