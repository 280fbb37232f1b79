package dev.benchrun.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values for the benchmarks of one comparison, as R's {@code p.adjust} computes them.
 *
 * <p>Comparing a suite of m benchmarks at α = 0.05 each flags about 5% of the unchanged ones by
 * chance. An adjusted p-value compared with α controls an error rate over the whole suite instead:
 *
 * <ul>
 *   <li>{@link #benjaminiHochberg}: the false discovery rate, the expected share of false alarms
 *       among the benchmarks reported as changed (Benjamini &amp; Hochberg 1995; valid for
 *       independent or positively dependent tests). With p₍₁₎ ≤ … ≤ p₍ₘ₎ sorted,
 *       q₍ᵢ₎ = min over k ≥ i of m·p₍ₖ₎/k, capped at 1.</li>
 *   <li>{@link #holm}: the family-wise error rate, the chance of even one false alarm, under any
 *       dependence (Holm 1979): q₍ᵢ₎ = max over k ≤ i of (m − k + 1)·p₍ₖ₎, capped at 1.</li>
 * </ul>
 *
 * <p>Both are monotone in the raw p-values, never below them, and returned in the order given.
 * Equal p-values get equal adjusted values. A NaN stands for a benchmark without a p-value (not
 * tested, for instance all its pairs equal and nothing to test): it is left out of the family — m
 * counts only the real p-values — and comes back as NaN, as R does with NA.
 */
public final class Multiplicity {

    private Multiplicity() {}

    /** Benjamini–Hochberg q-values (R: {@code p.adjust(p, "BH")}). */
    public static double[] benjaminiHochberg(double[] pValues) {
        int[] order = sortedIndices(pValues);
        int m = order.length;
        double[] adjusted = nanCopy(pValues.length);
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            // (m / rank) · p, in R's order: the factor is 1 at rank m, so q is never below p.
            running = Math.min(running, (m / (double) rank) * pValues[i]);
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** Holm's step-down adjusted p-values (R: {@code p.adjust(p, "holm")}). */
    public static double[] holm(double[] pValues) {
        int[] order = sortedIndices(pValues);
        int m = order.length;
        double[] adjusted = nanCopy(pValues.length);
        double running = 0;
        for (int rank = 1; rank <= m; rank++) {
            int i = order[rank - 1];
            running = Math.max(running, Math.min(1, (m - rank + 1) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** The indices of the real p-values, in ascending order of p; rejects values outside [0, 1]. */
    private static int[] sortedIndices(double[] pValues) {
        for (double p : pValues) {
            if (!Double.isNaN(p) && !(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a p-value must be in [0, 1] or NaN: " + p);
            }
        }
        return IntStream.range(0, pValues.length)
                .filter(i -> !Double.isNaN(pValues[i]))
                .boxed()
                .sorted(Comparator.comparingDouble(i -> pValues[i]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static double[] nanCopy(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
