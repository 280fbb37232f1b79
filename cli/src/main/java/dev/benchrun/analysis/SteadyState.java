package dev.benchrun.analysis;

import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Unit;
import dev.benchrun.stats.Multiplicity;
import dev.benchrun.stats.Summary;
import dev.benchrun.stats.Trend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a benchmark's forks still trend over their measured iterations: a fork that keeps
 * getting faster (or slower) has not reached the steady state its mean claims to describe (Barrett
 * et al., OOPSLA 2017: most VM–benchmark pairs never reach a clean one; Traini et al. 2023 for
 * JMH).
 *
 * <p>Per fork with at least {@link #MIN_ITERATIONS} measured iterations: the Mann–Kendall test on
 * the iterations in order, its p-values adjusted over the tested forks of the benchmark (Holm), and
 * the Theil–Sen drift from the first iteration to the last relative to the fork's median. A fork
 * trends when both the adjusted p is below {@link #ALPHA} and the drift exceeds
 * {@link #MIN_DRIFT}: a long fork makes even a negligible drift significant, and a short noisy one
 * shows large drifts by chance. Where no fork trends alone, the forks are tested together (the
 * seasonal Kendall test, each fork a season): forks of five iterations, too short to show a trend
 * alone at {@link #ALPHA}, show it when they agree, with the median fork's drift over
 * {@link #MIN_DRIFT} in the same direction. Of a steady benchmark, at most 2 × {@link #ALPHA} are
 * flagged.
 */
public final class SteadyState {

    /** Fewer measured iterations than this in a fork say nothing about its trend. */
    public static final int MIN_ITERATIONS = 5;
    /** The family-wise error rate over one benchmark's forks. */
    public static final double ALPHA = 0.01;
    /** The smallest drift over a fork, relative to its median, worth a warning. */
    public static final double MIN_DRIFT = 0.02;

    /** How every warning ends: what to do about it. */
    static final String ADVICE = ": warm up longer (manifest minWarmup)";

    private SteadyState() {}

    /** A warning of {@link #warning} without its advice: the trend it found, as evidence. */
    static String evidence(String warning) {
        return warning.endsWith(ADVICE) ? warning.substring(0, warning.length() - ADVICE.length()) : warning;
    }

    /** The results with their steady-state warnings set. */
    public static List<BenchmarkResult> assessed(List<BenchmarkResult> results) {
        return results.stream().map(SteadyState::assessed).toList();
    }

    /** The result with its steady-state warning set. */
    public static BenchmarkResult assessed(BenchmarkResult result) {
        return result.withSteadyState(warning(result).orElse(null));
    }

    /**
     * One line naming how many forks trend, the largest drift and its p, and what to do; empty when
     * no fork trends or none has enough iterations.
     */
    public static Optional<String> warning(BenchmarkResult r) {
        var metric = r.score();
        var tested = new ArrayList<Fork>();
        for (double[] iterations : metric.samplesByFork()) {
            double median = Summary.median(iterations);
            if (iterations.length >= MIN_ITERATIONS && median > 0) {
                tested.add(new Fork(Trend.of(iterations), median));
            }
        }
        if (tested.isEmpty()) {
            return Optional.empty();
        }
        double[] adjusted = Multiplicity.holm(
                tested.stream().mapToDouble(f -> f.trend().pValue()).toArray());
        Fork largest = null;
        double largestP = 1;
        int trending = 0;
        for (int i = 0; i < tested.size(); i++) {
            var fork = tested.get(i);
            if (adjusted[i] < ALPHA && Math.abs(fork.relativeDrift()) > MIN_DRIFT) {
                trending++;
                if (largest == null || Math.abs(fork.relativeDrift()) > Math.abs(largest.relativeDrift())) {
                    largest = fork;
                    largestP = adjusted[i];
                }
            }
        }
        if (trending == 0) {
            return together(tested, metric.unit());
        }
        double drift = largest.relativeDrift();
        return Optional.of(String.format(
                Locale.ROOT,
                "%s still %s over %s measured iterations (%sscore %s %.1f%% from first to last; Mann–Kendall p %s%s)"
                        + ADVICE,
                trending == 1 && tested.size() == 1 ? "its fork" : trending + " of " + tested.size() + " forks",
                trending == 1 ? "trends" : "trend",
                trending == 1 ? "its" : "their",
                meaning(drift > 0, Unit.parse(metric.unit())),
                drift > 0 ? "rises" : "falls",
                100 * Math.abs(drift),
                largestP < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", largestP),
                tested.size() > 1 ? ", Holm over " + tested.size() + " forks" : ""));
    }

    /**
     * Forks that no test finds trending alone but that drift the same way together: the seasonal
     * Kendall test over the forks ({@link Trend#combined}), with the median fork's drift. This is
     * what finds the trend of short forks (five iterations in order give p = 0.017 alone).
     */
    private static Optional<String> together(List<Fork> tested, String unit) {
        if (tested.size() < 2) {
            return Optional.empty();
        }
        var combined = Trend.combined(tested.stream().map(Fork::trend).toList());
        double drift =
                Summary.median(tested.stream().mapToDouble(Fork::relativeDrift).toArray());
        if (!(combined.pValue() < ALPHA)
                || Math.abs(drift) <= MIN_DRIFT
                || Math.signum(drift) != Math.signum(combined.s())) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "its %d forks trend together over their measured iterations (%sscore %s %.1f%% from first to last in the"
                        + " median fork; Mann–Kendall p %s over the forks together)" + ADVICE,
                tested.size(),
                meaning(drift > 0, Unit.parse(unit)),
                drift > 0 ? "rises" : "falls",
                100 * Math.abs(drift),
                combined.pValue() < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", combined.pValue())));
    }

    /** What a rising or falling score means in this unit: for throughput rising is faster. */
    private static String meaning(boolean rises, Unit unit) {
        return switch (unit.dimension()) {
            case TIME_PER_OP -> rises ? "slower: " : "faster: ";
            case OPS_PER_TIME -> rises ? "faster: " : "slower: ";
            case BYTES -> rises ? "more bytes: " : "fewer bytes: ";
            default -> "";
        };
    }

    /** One tested fork: its trend and the median its drift is relative to. */
    private record Fork(Trend.Result trend, double median) {
        double relativeDrift() {
            return trend.drift() / median;
        }
    }
}
