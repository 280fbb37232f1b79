package dev.benchrun.store;

import dev.benchrun.BenchrunException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** The one place that decides what a baseline name may be (a run's label is free text, never a file name). */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private Names() {}

    /** Whether the name is one benchrun takes for a baseline (or a profile): safe as a file name everywhere. */
    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }

    /** Returns the name if it is safe as a file name everywhere; otherwise exit 2 naming it. */
    public static String checkBaselineName(String name) {
        if (!isValid(name)) {
            throw BenchrunException.input("invalid baseline name '" + (name == null ? "" : name)
                    + "': use 1-64 letters, digits, '_', '.', '-', starting with a letter or digit");
        }
        return name;
    }

    /**
     * Whether what the user wrote for a baseline, run or profile names a file rather than
     * something stored by name: a path with a directory in it, or a name with one of the file's
     * extensions ({@code .json}, {@code .yaml}).
     */
    public static boolean looksLikeFile(String ref, String... extensions) {
        return ref.contains("/")
                || ref.contains("\\")
                || Arrays.stream(extensions).anyMatch(ref::endsWith);
    }
}
