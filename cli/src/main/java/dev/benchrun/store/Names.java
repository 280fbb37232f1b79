package dev.benchrun.store;

import dev.benchrun.BenchrunException;
import java.util.regex.Pattern;

/** The one place that decides what a baseline name may be (a run's label is free text, never a file name). */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private Names() {}

    /** Returns the name if it is safe as a file name everywhere; otherwise exit 2 naming it. */
    public static String checkBaselineName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw BenchrunException.input("invalid baseline name '" + (name == null ? "" : name)
                    + "': use 1-64 letters, digits, '_', '.', '-', starting with a letter or digit");
        }
        return name;
    }
}
