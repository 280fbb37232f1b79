package dev.benchrun.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.benchrun.BenchrunException;

/** A fraction written as a percentage: "10%" is 0.10. A bare number is taken as a percentage too. */
public record Percent(double fraction) {

    @JsonCreator
    public static Percent parse(String text) {
        String number =
                text.trim().endsWith("%") ? text.trim().substring(0, text.trim().length() - 1) : text.trim();
        try {
            double value = Double.parseDouble(number.trim());
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw BenchrunException.input("percentage '" + text + "' must be zero or positive");
            }
            return new Percent(value / 100.0);
        } catch (NumberFormatException e) {
            throw BenchrunException.input("'" + text + "' is not a percentage like 10%");
        }
    }

    @JsonValue
    @Override
    public String toString() {
        double percent = fraction * 100;
        return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + "%";
    }
}
