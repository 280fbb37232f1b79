package dev.benchrun.model;

import java.util.List;
import java.util.Map;

/** What {@code list} shows: a jar's benchmarks, the stored runs, the baselines or the profiles. */
public sealed interface Listing {

    /** The selected benchmarks of a jar. */
    record Benchmarks(List<Benchmark> benchmarks) implements Listing {
        public Benchmarks {
            benchmarks = List.copyOf(benchmarks);
        }
    }

    /** The stored runs, oldest first. */
    record Runs(List<Stored> runs) implements Listing {
        public Runs {
            runs = List.copyOf(runs);
        }
    }

    /** The stored baselines, by name. */
    record Baselines(List<StoredBaseline> baselines) implements Listing {
        public Baselines {
            baselines = List.copyOf(baselines);
        }
    }

    /** The profiles a user can name, with what each is for. */
    record Profiles(List<ProfileSummary> profiles) implements Listing {
        public Profiles {
            profiles = List.copyOf(profiles);
        }
    }

    /**
     * A benchmark as its jar and manifest declare it.
     *
     * @param budget null without one
     * @param params the declared values of each param, in the jar's order
     */
    record Benchmark(String id, String category, String mode, Budget budget, Map<String, List<String>> params) {}

    /**
     * A stored run or baseline; {@code run} is null and {@code problem} says why when its file
     * could not be read (a newer schema, a damaged file).
     */
    record Stored(String name, RunResult run, String problem) {}

    /**
     * A stored baseline; {@code baseline} is null and {@code problem} says why when its file could
     * not be read.
     */
    record StoredBaseline(String name, Baseline baseline, String problem) {}

    /**
     * A profile's JMH settings as its file gives them (null where it leaves one out).
     *
     * @param jvmArgs the JVM arguments it adds for the forks
     */
    record ProfileSummary(
            String name,
            Integer forks,
            Integer warmupIterations,
            String warmupTime,
            Integer measurementIterations,
            String measurementTime,
            List<String> jvmArgs,
            String description) {
        public ProfileSummary {
            jvmArgs = List.copyOf(jvmArgs);
        }
    }
}
