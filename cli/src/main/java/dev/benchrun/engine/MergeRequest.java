package dev.benchrun.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code merge} was asked: the runs to join into one, as the user named them.
 *
 * @param inputs run ids (or {@code latest}) in the store, or run.json files such as CI artefacts; in order
 * @param label the merged run's label; null for "merge of" the inputs' ids
 * @param allowMixed join runs of different git commits, profiles or JVM versions instead of refusing
 * @param manifest categories and budgets for raw JMH files among the inputs; null for the default
 */
public record MergeRequest(List<String> inputs, String label, boolean allowMixed, Path manifest, Path workingDir) {

    public MergeRequest {
        inputs = List.copyOf(inputs);
    }
}
