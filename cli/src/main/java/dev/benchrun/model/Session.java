package dev.benchrun.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The A/B session a run was measured in ({@code run --against}): two builds interleaved on one
 * machine, stored as two ordinary runs, one per side, that share this record but for {@code side}
 * and {@code otherRun}. Fork k of a benchmark on one side and fork k of it on the other are pair k,
 * measured back to back, so drift between JVM sessions is shared by the two forks of a pair.
 *
 * @param id the session's id, the same in both runs
 * @param side {@link #BASELINE} (the {@code --against} build) or {@link #CANDIDATE}
 * @param otherRun the id of the other side's run
 * @param order how the two forks of a pair were ordered: {@link #ABBA} (pair k runs the baseline
 *     first when k is even, so each side runs first as often as second) or {@link #DUET} (both at
 *     once, each pinned to its own CPUs, the sides swapping CPUs from pair to pair)
 * @param maxPairs the most pairs any benchmark could take: the end of the α-spending schedule
 * @param looks the numbers of pairs at which a benchmark could stop (docs/compare.md)
 * @param stopped why each benchmark stopped adding pairs, by its name with params and mode
 */
public record Session(
        String id,
        String side,
        String otherRun,
        String order,
        int maxPairs,
        List<Integer> looks,
        Map<String, Stop> stopped) {

    public static final String BASELINE = "baseline";
    public static final String CANDIDATE = "candidate";
    public static final String ABBA = "ABBA";
    public static final String DUET = "duet";

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(side, "side");
        looks = looks == null ? List.of() : List.copyOf(looks);
        stopped = stopped == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(stopped));
    }

    /** Whether {@code other} is the other side of the same session. */
    public boolean pairsWith(Session other) {
        return other != null && id.equals(other.id) && !side.equals(other.side);
    }

    /** The same session seen from the other side's run. */
    public Session otherSide(String thisRun) {
        return new Session(id, side.equals(BASELINE) ? CANDIDATE : BASELINE, thisRun, order, maxPairs, looks, stopped);
    }

    /** Why a benchmark stopped adding pairs. */
    public enum Stop {
        /** Its change was shown, beyond the noise floor, at the level of its look. */
        CHANGED("changed"),
        /** Its interval lies inside the equivalence margin. */
        UNCHANGED("unchanged"),
        /** Its interval became as narrow as {@code --precision} asked. */
        PRECISE("precise enough"),
        /** It took the most pairs the schedule allows. */
        MOST_PAIRS("most pairs"),
        /** Its share of {@code --max-time} was spent. */
        TIME("time spent"),
        /** A fork failed on one side, so no more pairs could be made. */
        FAILED("a fork failed"),
        /** Ctrl-C stopped the session. */
        INTERRUPTED("interrupted");

        private final String label;

        Stop(String label) {
            this.label = label;
        }

        /** As shown beside the verdict: "changed", "most pairs", ... */
        public String label() {
            return label;
        }
    }
}
