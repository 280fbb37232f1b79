package dev.benchrun.model;

import java.time.Duration;
import java.util.List;

/**
 * What {@code run --against} will execute: each benchmark (one param combination in one mode) as
 * pairs of forks, one fork of each side back to back, until its verdict is decided or the schedule
 * ends. Printed as is by {@code --dry-run}.
 *
 * @param baseline the {@code --against} side's plan (its jar, JVM and JVM arguments)
 * @param candidate the candidate side's plan
 * @param units the benchmarks both sides have, in the order they run
 * @param looks the numbers of pairs at which α is spent (by default only the last, the most a
 *     benchmark takes)
 * @param checks the numbers of pairs before the last at which a benchmark may stop as unchanged
 *     (or precise enough), which costs no α
 * @param order how the two forks of a pair are ordered: {@link Session#ABBA}, or {@link Session#DUET}
 *     (both at once)
 * @param duet the CPUs each side's fork is pinned to when the forks of a pair run at once; null otherwise
 * @param maxTime the time the whole session may take; null for no limit
 * @param notes what was left out and why (e.g. a benchmark only one side has)
 */
public record SessionPlan(
        RunPlan baseline,
        RunPlan candidate,
        List<Unit> units,
        List<Integer> looks,
        List<Integer> checks,
        String order,
        Duet duet,
        Duration maxTime,
        List<String> notes) {

    public SessionPlan {
        units = List.copyOf(units);
        looks = List.copyOf(looks);
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
    }

    /**
     * One benchmark of the session: the same JMH benchmark, params and mode on both sides, each side
     * one fork per pair.
     *
     * @param name its name as tables show it, with params
     * @param perPair the estimated time of one pair: a fork of each side
     */
    public record Unit(String name, RunPlan.Item baseline, RunPlan.Item candidate, Duration perPair) {}

    /**
     * Two disjoint sets of CPUs, as {@code taskset -c} takes them, for the two forks of a pair run at
     * once: the sides swap sets from pair to pair, so neither always has the CPU the machine's
     * interrupts favour.
     *
     * @param first the lower half of the CPUs benchrun may use, e.g. "0"
     * @param second the upper half, e.g. "1"
     * @param cpus the CPUs benchrun may use in all: what a fork's JVM would see unpinned
     */
    public record Duet(String first, String second, int cpus) {

        /** The CPUs of one side's fork in pair {@code pair} (counted from 0). */
        public String cpusOf(boolean baseline, int pair) {
            return baseline == (pair % 2 == 0) ? first : second;
        }
    }

    public int maxPairs() {
        return looks.get(looks.size() - 1);
    }

    /** The fewest pairs a benchmark takes: its first check, or the last look. */
    public int minPairs() {
        return checks.isEmpty() ? looks.get(0) : Math.min(checks.get(0), looks.get(0));
    }

    /** The estimated time if every benchmark stops at its first check. */
    public Duration shortest() {
        return capped(perPairTotal().multipliedBy(minPairs()));
    }

    /** The estimated time if every benchmark takes the most pairs. */
    public Duration longest() {
        return capped(perPairTotal().multipliedBy(maxPairs()));
    }

    private Duration perPairTotal() {
        return units.stream().map(Unit::perPair).reduce(Duration.ZERO, Duration::plus);
    }

    private Duration capped(Duration d) {
        return maxTime != null && d.compareTo(maxTime) > 0 ? maxTime : d;
    }
}
