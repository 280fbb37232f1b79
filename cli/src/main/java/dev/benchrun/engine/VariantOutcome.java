package dev.benchrun.engine;

import dev.benchrun.analysis.NoiseWarnings;
import dev.benchrun.model.NoiseSummary;
import dev.benchrun.model.Report;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a variant run did.
 *
 * @param names each variant's name, in the order given
 * @param plans each variant's plan, in the same order
 * @param estimate the whole variant run's estimated wall time
 * @param notes about the variant run as a whole, e.g. benchmarks only some variants have
 * @param runs each variant's stored run; empty for a dry run
 * @param dirs where the runs are stored; empty for a dry run or when they could not be stored
 * @param table the variants side by side; null for a dry run or when no benchmark has two results
 * @param notStored the one line saying why the measured runs could not be stored; null when they were
 */
public record VariantOutcome(
        List<String> names,
        List<RunPlan> plans,
        Duration estimate,
        List<String> notes,
        List<RunResult> runs,
        List<Path> dirs,
        Report.Variants table,
        String notStored) {

    public VariantOutcome {
        names = List.copyOf(names);
        plans = List.copyOf(plans);
        notes = List.copyOf(notes);
        runs = List.copyOf(runs);
        dirs = List.copyOf(dirs);
    }

    public boolean dryRun() {
        return runs.isEmpty();
    }

    public boolean interrupted() {
        return runs.stream().anyMatch(RunResult::interrupted);
    }

    /** How quiet the machine was, for the header and warnings (one reading for all variants); null for a dry run. */
    public NoiseSummary machine() {
        if (runs.isEmpty()) {
            return null;
        }
        var first = runs.get(0);
        return NoiseWarnings.summary(first.environment(), NoiseWarnings.threads(first));
    }
}
