package dev.benchrun.engine;

import dev.benchrun.config.Profile;
import dev.benchrun.jmh.Suite;
import dev.benchrun.model.RunPlan;

/** A plan with what it was made from: the suite (jar and manifest) and the resolved profile. */
public record PlannedRun(Suite suite, Profile profile, RunPlan plan) {}
