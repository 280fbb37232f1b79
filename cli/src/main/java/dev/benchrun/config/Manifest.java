package dev.benchrun.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.benchrun.BenchrunException;
import dev.benchrun.model.Budget;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Categories, budgets and judged metrics for benchmarks, by regex (docs/manifest.md). The first
 * entry whose regex matches the whole id or the whole fully qualified name wins.
 */
public record Manifest(Integer schemaVersion, List<Entry> benchmarks) {

    public static final Manifest EMPTY = new Manifest(1, List.of());

    public Manifest {
        benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
    }

    /**
     * One rule.
     *
     * @param metric the secondary metric to judge instead of the primary score (e.g. "bytes")
     * @param unit the unit to report that metric in (e.g. "B" for a counter of bytes)
     * @param requires param values that need a newer JVM than the forks may have
     * @param minWarmup the least warm-up the benchmark gets, whatever the profile or command line
     *     says; null for none
     */
    public record Entry(
            String match,
            String category,
            Budget budget,
            String metric,
            String unit,
            List<Requirement> requires,
            MinWarmup minWarmup) {

        public Entry {
            Objects.requireNonNull(match, "every manifest entry needs 'match' (a regex)");
            requires = requires == null ? List.of() : List.copyOf(requires);
        }

        /** An entry without a warm-up floor. */
        public Entry(
                String match, String category, Budget budget, String metric, String unit, List<Requirement> requires) {
            this(match, category, budget, metric, unit, requires, null);
        }

        @JsonIgnore
        Pattern pattern() {
            return Pattern.compile(match);
        }

        /** The values of {@code param} that cannot run on a JVM of the given feature version. */
        public List<String> unsupportedValues(String param, int javaVersion) {
            return requires.stream()
                    .filter(r -> r.param().equals(param) && javaVersion < r.javaVersion())
                    .map(Requirement::value)
                    .toList();
        }
    }

    /**
     * A floor under a benchmark's warm-up, for one that reaches its steady state only after more
     * warm-up than a profile gives (e.g. the JDK's AES-GCM intrinsic): each field raises the
     * profile's value where it is lower and leaves it where it is higher.
     *
     * @param iterations warm-up iterations, at least 0; null for no floor on the count
     * @param time a JMH time per warm-up iteration (e.g. {@code 1s}); null for no floor on the time
     */
    public record MinWarmup(Integer iterations, String time) {}

    /** A param value that only works on a JVM of at least {@code javaVersion}. */
    public record Requirement(String param, String value, int javaVersion) {}

    /** The first entry matching the benchmark, if any. */
    public Optional<Entry> classify(String id, String fullName) {
        return benchmarks.stream()
                .filter(e -> e.pattern().matcher(id).matches()
                        || e.pattern().matcher(fullName).matches())
                .findFirst();
    }

    /** This manifest's entries first, then the other's: a user's file refines the bundled one. */
    public Manifest before(Manifest other) {
        var merged = new ArrayList<>(benchmarks);
        merged.addAll(other.benchmarks);
        return new Manifest(1, merged);
    }

    /** Exit 2 naming the source and the entry when a regex does not compile or a warm-up floor is wrong. */
    Manifest validated(String source) {
        var checked = new ArrayList<Entry>();
        for (var entry : benchmarks) {
            try {
                entry.pattern();
            } catch (PatternSyntaxException e) {
                throw BenchrunException.input(
                        source + ": 'match: " + entry.match() + "' is not a valid regex: " + e.getDescription());
            }
            checked.add(withCheckedWarmup(entry, source));
        }
        return new Manifest(schemaVersion, checked);
    }

    /** The entry with its minWarmup time as JMH reads it; exit 2 for a negative count or a bad time. */
    private static Entry withCheckedWarmup(Entry entry, String source) {
        var floor = entry.minWarmup();
        if (floor == null) {
            return entry;
        }
        String where = source + ": entry 'match: " + entry.match() + "': minWarmup";
        if (floor.iterations() == null && floor.time() == null) {
            throw BenchrunException.input(where + " needs 'iterations', 'time' or both");
        }
        if (floor.iterations() != null && floor.iterations() < 0) {
            throw BenchrunException.input(where + ".iterations " + floor.iterations() + " must be 0 or more");
        }
        String time = floor.time() == null ? null : JmhTime.checked(floor.time(), where + ".time");
        return new Entry(
                entry.match(),
                entry.category(),
                entry.budget(),
                entry.metric(),
                entry.unit(),
                entry.requires(),
                new MinWarmup(floor.iterations(), time));
    }
}
