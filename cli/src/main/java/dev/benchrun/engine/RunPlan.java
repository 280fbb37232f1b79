package dev.benchrun.engine;

import dev.benchrun.jmh.Suite;

import dev.benchrun.config.Profile;
import dev.benchrun.host.JvmProbe.JvmInfo;
import dev.benchrun.model.RunSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@code run} will execute: each benchmark with its param values, forks and iterations, and
 * the estimated wall time. Printed as is by {@code --dry-run}.
 *
 * @param notes what was left out and why (e.g. a provider the forks' JVM lacks)
 */
public record RunPlan(Suite suite, Profile profile, RunSettings settings, JvmInfo jvm,
        List<Item> items, List<String> notes, String label) {

    /**
     * One JMH invocation: a benchmark method and the params it runs with.
     *
     * @param combinations how many param combinations JMH will run
     */
    public record Item(Suite.Member member, Map<String, List<String>> params, int combinations,
            int forks, int warmupIterations, double warmupSeconds, int measurementIterations,
            double measurementSeconds, Duration estimate) {

        /** Every iteration JMH will report for this item: warm-up and measurement, all forks. */
        public int totalIterations() {
            return combinations * forks * (warmupIterations + measurementIterations);
        }
    }

    public RunPlan {
        items = List.copyOf(items);
        notes = List.copyOf(notes);
    }

    public Duration estimate() {
        return items.stream().map(Item::estimate).reduce(Duration.ZERO, Duration::plus);
    }

    public int combinations() {
        return items.stream().mapToInt(Item::combinations).sum();
    }
}
