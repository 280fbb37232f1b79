package dev.benchrun.config;

import dev.benchrun.BenchrunException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * A JMH time value (an iteration's or a timeout's), checked the way JMH will read it, wherever it
 * is written: the command line, a profile, a manifest.
 */
public final class JmhTime {

    private static final String TIME_FORM = "a time like 500ms, 1s or 2min";
    /** The unit spellings JMH's {@link TimeValue} reads; none is seconds. */
    private static final Set<String> TIME_SPELLINGS = Set.of("", "ns", "us", "ms", "s", "m", "min", "hr", "day");

    private JmhTime() {}

    /**
     * The time as given but without spaces, which is how JMH gets it; exit 2 naming {@code source}
     * otherwise. JMH matches the unit by its prefix ("5msjunk" is 5 ms), so the unit must also be
     * one JMH spells exactly.
     */
    public static String checked(String value, String source) {
        String text = value.strip().replace(" ", "");
        int digits = 0;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || !TIME_SPELLINGS.contains(text.substring(digits))) {
            throw BenchrunException.input(source + " '" + value + "' is not " + TIME_FORM);
        }
        TimeValue time;
        try {
            time = TimeValue.fromString(text);
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw BenchrunException.input(source + " '" + value + "' is not " + TIME_FORM);
        }
        // JMH takes zero without complaint and measures nothing: every sample would be garbage.
        if (time.getTime() <= 0) {
            throw BenchrunException.input(source + " '" + value + "' must be longer than zero");
        }
        return text;
    }

    /** Seconds in a time already {@link #checked}. */
    public static double seconds(String value) {
        return TimeValue.fromString(value).convertTo(TimeUnit.NANOSECONDS) / 1e9;
    }
}
