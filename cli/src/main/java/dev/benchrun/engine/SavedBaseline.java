package dev.benchrun.engine;

import dev.benchrun.model.Baseline;
import java.nio.file.Path;

/** A saved baseline and the file it is in. */
public record SavedBaseline(Baseline baseline, Path file) {}
