package dev.benchrun.render;

import java.util.List;
import java.util.Objects;

/** A series as one line of block characters (▁ lowest … █ highest), for Markdown and terminals. */
final class Sparkline {

    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {}

    /** One character per value; a space where a value is missing. */
    static String of(List<Double> values) {
        double min = values.stream()
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .min()
                .orElse(0);
        double max = values.stream()
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        var line = new StringBuilder();
        for (Double v : values) {
            if (v == null) {
                line.append(' ');
            } else {
                int bar = max == min ? BARS.length / 2 : (int) Math.round((v - min) / (max - min) * (BARS.length - 1));
                line.append(BARS[bar]);
            }
        }
        return line.toString();
    }
}
