package dev.benchrun.engine;

/**
 * What {@code calibrate} was asked.
 *
 * @param run the benchmarks and settings, as for {@code run}
 * @param runs how many A/A runs to make; at least 2
 * @param target the change to reach, as a fraction; null for each category's warning threshold
 */
public record CalibrateRequest(RunRequest run, int runs, Double target) {}
