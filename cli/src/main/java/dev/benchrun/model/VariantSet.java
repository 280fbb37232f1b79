package dev.benchrun.model;

import java.util.List;
import java.util.Objects;

/**
 * The variant run a run is one of ({@code run --profile quick,g1} or {@code --jvm A,B}): the same
 * benchmarks under several profiles or JVMs, their forks interleaved benchmark by benchmark so that
 * drift between JVM sessions is shared, stored as one ordinary run per variant. The runs share this
 * record but for {@code name}.
 *
 * @param id the variant run's id, the same in every member: the first variant's run id
 * @param name this run's variant, e.g. {@code g1}, or {@code quick / Java 21.0.5}
 * @param members every variant's run, in the order they were given, this one included
 */
public record VariantSet(String id, String name, List<Member> members) {

    /** One variant of the run: its stored run and its name. */
    public record Member(String run, String name) {
        public Member {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(name, "name");
        }
    }

    public VariantSet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
    }

    /** The same variant run seen from another member's run. */
    public VariantSet as(String memberName) {
        return new VariantSet(id, memberName, members);
    }
}
