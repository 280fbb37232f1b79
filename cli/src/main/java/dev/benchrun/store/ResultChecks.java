package dev.benchrun.store;

import dev.benchrun.BenchrunException;
import dev.benchrun.model.BenchmarkKey;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Metric;
import dev.benchrun.model.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks every result read from a file passes before the statistics see it, the same for a
 * stored run, a baseline and JMH's own JSON: a mode JMH has, each benchmark once, and samples the
 * statistics can use. A file that fails is refused in one line naming it and the benchmark.
 */
public final class ResultChecks {

    /** JMH's modes by every name it writes or accepts, to the short label results carry. */
    private static final Map<String, String> MODES = Map.of(
            "thrpt", "thrpt",
            "avgt", "avgt",
            "sample", "sample",
            "ss", "ss",
            "Throughput", "thrpt",
            "AverageTime", "avgt",
            "SampleTime", "sample",
            "SingleShotTime", "ss");

    /**
     * Values in a metric's base unit (ns/op, ops/s, bytes) outside this range, other than 0, are no
     * measurement; within it, sums, unit conversions and ratios of means stay finite.
     */
    private static final double SMALLEST = 1e-150;

    private static final double LARGEST = 1e150;

    private ResultChecks() {}

    /** JMH's short label for a mode ({@code avgt} for {@code AverageTime}); null for a mode JMH does not have. */
    public static String mode(String mode) {
        return mode == null ? null : MODES.get(mode);
    }

    /** The results, checked, with each mode as its short label. */
    public static List<BenchmarkResult> checked(List<BenchmarkResult> results, Object file) {
        var seen = new HashMap<BenchmarkKey, Integer>();
        var checked = new ArrayList<BenchmarkResult>();
        for (int i = 0; i < results.size(); i++) {
            var result = withShortMode(results.get(i), file, i);
            String where = file + ": benchmark '" + result.displayName() + "' (" + result.mode() + ")";
            Integer earlier = seen.putIfAbsent(result.key(), i);
            if (earlier != null) {
                throw BenchrunException.input(where + " is there twice (results " + earlier + " and " + i
                        + "): keep one, or compare the two files it came from separately");
            }
            metric(result.primary(), "primary metric", true, where);
            if (!BenchmarkResult.PRIMARY.equals(result.judged())
                    && result.secondary().containsKey(result.judged())) {
                metric(result.score(), "'" + result.judged() + "'", true, where);
            }
            if (result.allocation() != null) {
                metric(result.allocation(), "'" + BenchmarkResult.ALLOC_NORM + "'", false, where);
            }
            checked.add(result);
        }
        return checked;
    }

    private static BenchmarkResult withShortMode(BenchmarkResult r, Object file, int index) {
        String mode = mode(r.mode());
        if (mode == null) {
            throw BenchrunException.input(file + ": benchmark '" + r.displayName() + "' (result " + index
                    + ") has mode '" + r.mode() + "': JMH's modes are thrpt, avgt, sample and ss");
        }
        return mode.equals(r.mode())
                ? r
                : new BenchmarkResult(
                        r.id(),
                        r.benchmark(),
                        r.params(),
                        mode,
                        r.threads(),
                        r.category(),
                        r.budget(),
                        r.judged(),
                        r.primary(),
                        r.secondary(),
                        r.profiles(),
                        r.steadyState(),
                        r.wallSeconds());
    }

    /**
     * @param required whether the metric must have samples: the judged one must, a secondary metric
     *     without any (a profiler that measured nothing) is simply not judged
     */
    private static void metric(Metric metric, String name, boolean required, String where) {
        String at = where + ": " + name;
        if (metric.unit().isBlank()) {
            throw BenchrunException.input(at + " has no unit");
        }
        if (metric.forks().isEmpty()) {
            if (required) {
                throw BenchrunException.input(at + " has no samples (JMH's rawData): nothing to compare");
            }
            return;
        }
        Unit unit = Unit.parse(metric.unit());
        if (!valid(metric.score(), unit)) {
            refuse(metric.score(), unit, at + " score");
        }
        boolean allZero = true;
        for (int f = 0; f < metric.forks().size(); f++) {
            var fork = metric.forks().get(f);
            if (fork.isEmpty()) {
                throw BenchrunException.input(at + ": fork " + (f + 1) + " has no iterations");
            }
            for (int i = 0; i < fork.size(); i++) {
                double value = fork.get(i);
                if (!valid(value, unit)) { // the message is built only for the sample at fault
                    refuse(value, unit, at + ": fork " + (f + 1) + ", iteration " + (i + 1));
                }
                allZero &= value == 0;
            }
        }
        if (allZero && required && unit.dimension() != Unit.Dimension.BYTES) {
            throw BenchrunException.input(at + ": every sample is 0 " + metric.unit() + ": nothing was measured");
        }
    }

    /**
     * Whether a sample can be a measurement: 0 (but no throughput of 0), or positive within the
     * range. NaN and negative values fail the range. Every sample of every run read is asked.
     */
    private static boolean valid(double value, Unit unit) {
        if (value == 0) {
            return unit.dimension() != Unit.Dimension.OPS_PER_TIME;
        }
        double base = unit.toBase(value);
        double cost = unit.cost(value);
        return base >= SMALLEST && base <= LARGEST && cost >= SMALLEST && cost <= LARGEST;
    }

    /** Refuses a sample that is not {@link #valid}, saying why. */
    private static void refuse(double value, Unit unit, String at) {
        if (Double.isNaN(value)) {
            throw BenchrunException.input(at + " is NaN: not a measurement");
        }
        if (value < 0) {
            throw BenchrunException.input(at + " is negative (" + text(value) + " " + unit.label() + ")");
        }
        if (value == 0) {
            throw BenchrunException.input(at + " is 0 " + unit.label() + ": a throughput of 0 has no time per op");
        }
        throw BenchrunException.input(at + " is " + text(value) + " " + unit.label()
                + ": outside the range a measurement can have (" + SMALLEST + " to " + LARGEST + ")");
    }

    private static String text(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
