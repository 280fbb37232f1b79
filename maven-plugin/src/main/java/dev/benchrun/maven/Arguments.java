package dev.benchrun.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line a goal hands to benchrun: options whose value was given, flags that are on,
 * repeated options once per value. Values go through as written; benchrun checks them.
 */
final class Arguments {

    private final List<String> words = new ArrayList<>();

    Arguments(String command) {
        words.add(command);
    }

    /** {@code word} itself, e.g. a positional parameter, when it is given. */
    Arguments word(String word) {
        if (given(word)) {
            words.add(word);
        }
        return this;
    }

    /** {@code name value} when the value is given. */
    Arguments option(String name, Object value) {
        if (value != null && given(value.toString())) {
            words.add(name);
            words.add(value.toString());
        }
        return this;
    }

    /** {@code name} when on. */
    Arguments flag(String name, boolean on) {
        if (on) {
            words.add(name);
        }
        return this;
    }

    /** {@code name value} for each value given. */
    Arguments each(String name, List<String> values) {
        if (values != null) {
            values.forEach(value -> option(name, value));
        }
        return this;
    }

    /** The words as they are, appended after everything else. */
    Arguments verbatim(List<String> more) {
        if (more != null) {
            more.stream().filter(word -> word != null).forEach(words::add);
        }
        return this;
    }

    String[] toArray() {
        return words.toArray(String[]::new);
    }

    List<String> toList() {
        return List.copyOf(words);
    }

    /**
     * Items of the form {@code KEY=A,B} (a {@code --threshold} or a {@code --param}) as written,
     * although a {@code -Dbenchrun.…=crypto=5%,10%} property reaches a list parameter split at its
     * commas: an item without {@code =} is the rest of the one before it.
     */
    static List<String> keyedValues(List<String> items) {
        var joined = new ArrayList<String>();
        if (items == null) {
            return joined;
        }
        for (String item : items) {
            if (item == null || item.isBlank()) {
                continue;
            }
            String trimmed = item.strip();
            if (!trimmed.contains("=") && !joined.isEmpty()) {
                int last = joined.size() - 1;
                joined.set(last, joined.get(last) + "," + trimmed);
            } else {
                joined.add(trimmed);
            }
        }
        return joined;
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
