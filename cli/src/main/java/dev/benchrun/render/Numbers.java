package dev.benchrun.render;

import java.util.Locale;

/** Number formatting shared by every renderer: about four significant digits, no exponent. */
public final class Numbers {

    private Numbers() {}

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        double abs = Math.abs(value);
        if (abs >= 10_000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (abs >= 0.01 || abs == 0) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.2g", value);
    }

    /** A signed percentage: {@code +12.3%}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    /** Bytes, whole numbers below 10 KB. */
    public static String bytes(double value) {
        if (value < 0.5) {
            return "0";
        }
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
