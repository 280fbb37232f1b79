package dev.benchrun.suites.io;

import java.util.Locale;
import java.util.regex.Pattern;

/** Parses the {@code size} parameter of {@code file_copy}: a whole number with KB, MB or GB (binary multiples). */
final class FileSize {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(KB|MB|GB)");

    private FileSize() {}

    static long parse(String text) {
        var matcher = FORMAT.matcher(text.toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("file size '" + text + "' is not like 1KB, 1MB or 64MB");
        }
        long unit = switch (matcher.group(2)) {
            case "KB" -> 1L << 10;
            case "MB" -> 1L << 20;
            default -> 1L << 30;
        };
        return Long.parseLong(matcher.group(1)) * unit;
    }
}
