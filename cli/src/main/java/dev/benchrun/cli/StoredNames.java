package dev.benchrun.cli;

import dev.benchrun.config.ProfileLoader;
import dev.benchrun.store.Store;
import java.util.Iterator;
import java.util.List;

/**
 * What shell completion offers for an option or parameter that names something stored: the values
 * known when the script is generated (given to picocli as {@code completionCandidates}), and the
 * topics of {@code benchrun complete} the script asks at completion time for the rest.
 */
abstract class StoredNames implements Iterable<String> {

    private final List<String> known;
    private final boolean files;
    private final List<CompleteCommand.Topic> asked;

    /** @param files whether a file is a value too: offered where no name matches */
    StoredNames(List<String> known, boolean files, CompleteCommand.Topic... asked) {
        this.known = known;
        this.files = files;
        this.asked = List.of(asked);
    }

    boolean files() {
        return files;
    }

    /** The topics to ask {@code benchrun complete} for when this value is completed. */
    List<CompleteCommand.Topic> asked() {
        return asked;
    }

    @Override
    public Iterator<String> iterator() {
        return known.iterator();
    }

    /** A baseline's name ({@code save-baseline NAME}). */
    static final class Baselines extends StoredNames {
        Baselines() {
            super(List.of(), false, CompleteCommand.Topic.BASELINES);
        }
    }

    /** A stored run: its id, or latest (or a file). */
    static final class Runs extends StoredNames {
        Runs() {
            super(List.of(Store.LATEST), true, CompleteCommand.Topic.RUNS);
        }
    }

    /** A side of a comparison: a baseline, a run id or latest (or a file). */
    static final class Sides extends StoredNames {
        Sides() {
            super(List.of(Store.LATEST), true, CompleteCommand.Topic.BASELINES, CompleteCommand.Topic.RUNS);
        }
    }

    /** A profile: the shipped ones, the working directory's {@code profiles/NAME.yaml} (or a file). */
    static final class Profiles extends StoredNames {
        Profiles() {
            super(ProfileLoader.SHIPPED, true, CompleteCommand.Topic.PROFILES);
        }
    }
}
