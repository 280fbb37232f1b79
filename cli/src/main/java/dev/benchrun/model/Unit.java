package dev.benchrun.model;

import java.util.Locale;
import java.util.Map;

/**
 * A unit of a measured value, reduced to a dimension and a factor to that dimension's base
 * (nanoseconds per op, operations per second, bytes). Values are converted, never assumed.
 */
public record Unit(String label, Dimension dimension, double toBase) {

    /** What a value measures, and which direction is worse. */
    public enum Dimension {
        /** Time per operation; base ns/op; higher is worse. */
        TIME_PER_OP,
        /** Operations per time; base ops/s; lower is worse. */
        OPS_PER_TIME,
        /** A size; base bytes; higher is worse. */
        BYTES,
        /** Anything else (counts, rates); compared as is, higher is worse. */
        OTHER
    }

    private static final Map<String, Double> TIME_IN_NS = Map.ofEntries(
            Map.entry("ns", 1.0),
            Map.entry("us", 1e3),
            Map.entry("µs", 1e3),
            Map.entry("μs", 1e3),
            Map.entry("ms", 1e6),
            Map.entry("s", 1e9),
            Map.entry("sec", 1e9),
            Map.entry("min", 60e9),
            Map.entry("h", 3600e9));

    private static final Map<String, Double> SIZE_IN_BYTES = Map.of(
            "b",
            1.0,
            "kb",
            1024.0,
            "kib",
            1024.0,
            "mb",
            1024.0 * 1024,
            "mib",
            1024.0 * 1024,
            "gb",
            1024.0 * 1024 * 1024,
            "gib",
            1024.0 * 1024 * 1024);

    /** Parses JMH's unit labels ("us/op", "ops/s", "B/op") and budget units ("us", "KB"). */
    public static Unit parse(String label) {
        String text = label.trim();
        String[] parts = text.split("/", 2);
        String head = parts[0].trim();
        String tail = parts.length > 1 ? parts[1].trim() : "";
        if (TIME_IN_NS.containsKey(head) && (tail.isEmpty() || tail.equals("op"))) {
            return new Unit(text, Dimension.TIME_PER_OP, TIME_IN_NS.get(head));
        }
        if (head.equals("ops") && TIME_IN_NS.containsKey(tail)) {
            return new Unit(text, Dimension.OPS_PER_TIME, 1e9 / TIME_IN_NS.get(tail));
        }
        Double bytes = SIZE_IN_BYTES.get(head.toLowerCase(Locale.ROOT));
        if (bytes != null && head.endsWith("B") && (tail.isEmpty() || tail.equals("op"))) {
            return new Unit(text, Dimension.BYTES, bytes);
        }
        return new Unit(text, Dimension.OTHER, 1.0);
    }

    /** The value in this dimension's base unit. */
    public double toBase(double value) {
        return value * toBase;
    }

    /**
     * The value as a cost, where higher is always worse: ns/op for time and throughput
     * (throughput is inverted), bytes for sizes, the value itself otherwise.
     */
    public double cost(double value) {
        return switch (dimension) {
            case OPS_PER_TIME -> 1e9 / toBase(value);
            default -> toBase(value);
        };
    }

    /** True for units where a larger number is better (throughput). */
    public boolean higherIsBetter() {
        return dimension == Dimension.OPS_PER_TIME;
    }
}
