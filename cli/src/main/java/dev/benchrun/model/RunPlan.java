package dev.benchrun.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@code run} will execute: each benchmark with its param values, forks and iterations, and
 * the estimated wall time. Printed as is by {@code --dry-run}.
 *
 * @param jvm the JVM the forks run on
 * @param notes what was left out and why (e.g. a provider the forks' JVM lacks)
 */
public record RunPlan(RunSettings settings, JvmInfo jvm, List<Item> items, List<String> notes, String label) {

    /**
     * One JMH invocation: a benchmark method, the modes it is measured in and the params it runs
     * with. A method of several modes is one invocation, which JMH runs in each mode in turn.
     *
     * @param id the short id, as in the result table
     * @param benchmark JMH's fully qualified name
     * @param modes JMH's short labels ({@code avgt}, {@code thrpt}, ...): the method's own, or {@code --mode}'s
     * @param combinations how many param combinations JMH will run in each mode
     * @param warmupIterations the settings' warm-up, or the manifest's minWarmup where that is more
     * @param warmupTime the JMH time of a warm-up iteration, e.g. {@code 500ms}; as {@code warmupIterations}
     * @param forks the settings' forks, or with {@code --jmh-annotations} the benchmark's own
     * @param measurementTime the JMH time of a measurement iteration, e.g. {@code 1s}
     */
    public record Item(
            String id,
            String benchmark,
            String category,
            List<String> modes,
            Map<String, List<String>> params,
            int combinations,
            int forks,
            int warmupIterations,
            String warmupTime,
            double warmupSeconds,
            int measurementIterations,
            String measurementTime,
            double measurementSeconds,
            Duration estimate) {

        public Item {
            modes = List.copyOf(modes);
        }

        /** The same item as one fork of it: a JMH invocation with {@code -f 1}. */
        public Item oneFork() {
            return new Item(
                    id,
                    benchmark,
                    category,
                    modes,
                    params,
                    combinations,
                    1,
                    warmupIterations,
                    warmupTime,
                    warmupSeconds,
                    measurementIterations,
                    measurementTime,
                    measurementSeconds,
                    estimate.dividedBy(Math.max(1, forks)));
        }

        /** How many results JMH will produce: each param combination in each mode. */
        public int runs() {
            return combinations * modes.size();
        }

        /** Every iteration JMH will report for this item: warm-up and measurement, all forks. */
        public int totalIterations() {
            return runs() * forks * (warmupIterations + measurementIterations);
        }
    }

    public RunPlan {
        items = List.copyOf(items);
        notes = List.copyOf(notes);
    }

    public Duration estimate() {
        return items.stream().map(Item::estimate).reduce(Duration.ZERO, Duration::plus);
    }

    /** How many results the plan will produce: every item's param combinations in each of its modes. */
    public int combinations() {
        return items.stream().mapToInt(Item::runs).sum();
    }
}
