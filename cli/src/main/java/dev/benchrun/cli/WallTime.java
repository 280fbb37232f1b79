package dev.benchrun.cli;

import java.time.Duration;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A wall-clock time the user gives, such as {@code --max-time 10m}: 90s, 10m, 1h30m, 500ms. */
final class WallTime implements ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|min|m|h)");

    @Override
    public Duration convert(String value) {
        var matcher = PART.matcher(value.strip());
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(
                    switch (matcher.group(2)) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m", "min" -> Duration.ofMinutes(amount);
                        default -> Duration.ofHours(amount);
                    });
            end = matcher.end();
        }
        if (end == 0 || end != value.strip().length()) {
            throw new TypeConversionException("'" + value + "' is not a time like 90s, 10m or 1h30m");
        }
        if (total.isZero()) {
            throw new TypeConversionException("'" + value + "' must be longer than zero");
        }
        return total;
    }
}
