package dev.benchrun.engine;

import java.nio.file.Path;

/**
 * What {@code save-baseline} (or {@code run --save-baseline}) was asked.
 *
 * @param run "latest", a run id, a unique prefix of one, or a file: a run.json, a baseline file or
 *     JMH's own JSON; null for the run just made by {@code run --save-baseline}
 * @param force replace an existing baseline of that name
 * @param append add the run to the baseline (creating it if there is none) instead of replacing it
 * @param keep with {@code append}, how many of the newest runs the baseline keeps
 * @param manifest categories for a JMH file; null for ./benchrun.yaml and the bundled manifest
 */
public record SaveBaselineRequest(
        String name, String run, boolean force, boolean append, int keep, Path workingDir, Path manifest) {}
