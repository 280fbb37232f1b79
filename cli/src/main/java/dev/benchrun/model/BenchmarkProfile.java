package dev.benchrun.model;

/**
 * One benchmark's profile.
 *
 * @param hotspots null where the profiler wrote no collapsed stacks for it
 * @param diff null without {@code --against} or where the other side has no comparable profile
 * @param note why there is no profile or no diff; null otherwise
 */
public record BenchmarkProfile(BenchmarkResult result, Hotspots hotspots, ProfileDiff diff, String note) {}
