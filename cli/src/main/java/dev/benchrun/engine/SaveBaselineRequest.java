package dev.benchrun.engine;

/**
 * What {@code save-baseline} was asked.
 *
 * @param run "latest", a run id or a unique prefix of one
 * @param force replace an existing baseline of that name
 */
public record SaveBaselineRequest(String name, String run, boolean force) {}
