package dev.benchrun.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which jar and which of its benchmarks: shared by list, run and profile. */
public final class SelectionOptions {

    @Option(
            names = "--category",
            paramLabel = "C",
            description = "Only this category (repeatable; comma-separated allowed).",
            split = ",")
    List<String> categories = new ArrayList<>();

    @Option(
            names = "--filter",
            paramLabel = "REGEX",
            description = "Only benchmarks whose id or full name matches (repeatable).")
    List<String> filters = new ArrayList<>();

    @Option(names = "--jar", paramLabel = "JAR", description = "Any JMH uber-jar (default: the bundled suites).")
    Path jar;

    @Option(
            names = "--manifest",
            paramLabel = "FILE",
            description =
                    "Categories and budgets for the jar's benchmarks (default: ./benchrun.yaml, then the jar's own).")
    Path manifest;

    Path jar(Context context) {
        return jar == null ? null : context.workingDir().resolve(jar);
    }

    Path manifest(Context context) {
        return manifest == null ? null : context.workingDir().resolve(manifest);
    }
}
