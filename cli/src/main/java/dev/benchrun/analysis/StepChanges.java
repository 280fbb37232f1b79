package dev.benchrun.analysis;

import dev.benchrun.model.Report;
import dev.benchrun.stats.MannWhitney;
import dev.benchrun.stats.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds lasting changes of level in a benchmark's history (docs/report.md, "Step changes").
 *
 * <p>The level at a run is the median of its samples. A step at run i needs all of: the median of
 * the levels of runs i..i+W−1 differs from the median of runs i−W..i−1 by at least the threshold
 * (medians of a window, so that a single outlying run moves neither side); run i's own level differs
 * from the level before by at least the threshold in the same direction (so the step is placed at the
 * first run on the new level, not one early); the two-sided U test
 * between run i and run i−1 gives p &lt; α where both have samples enough to ever reach it; and
 * no neighbouring run qualifies with a larger change (a step is reported once, where it is sharpest).
 */
public final class StepChanges {

    /** Runs on each side whose levels are compared. */
    static final int WINDOW = 3;

    private StepChanges() {}

    /**
     * @param samples per history run, the samples in the trend's unit; null where the run lacks the benchmark
     * @param runIds the history runs' ids, aligned with {@code samples}
     * @param higherIsBetter true for throughput, whose cost is the inverse
     * @param threshold the smallest relative change of cost that counts
     */
    public static List<Report.Step> find(
            List<double[]> samples, List<String> runIds, boolean higherIsBetter, double threshold, double alpha) {
        var present = new ArrayList<Integer>();
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i) != null && samples.get(i).length > 0) {
                present.add(i);
            }
        }
        double[] levels = present.stream()
                .mapToDouble(i -> Summary.median(samples.get(i)))
                .toArray();
        var candidates = new ArrayList<Report.Step>();
        for (int k = 1; k < levels.length; k++) {
            double before = Summary.median(Arrays.copyOfRange(levels, Math.max(0, k - WINDOW), k));
            double after = Summary.median(Arrays.copyOfRange(levels, k, Math.min(levels.length, k + WINDOW)));
            double change = cost(after, higherIsBetter) / cost(before, higherIsBetter) - 1;
            double own = cost(levels[k], higherIsBetter) / cost(before, higherIsBetter) - 1;
            if (!(Math.abs(change) >= threshold
                    && Math.abs(own) >= threshold
                    && Math.signum(own) == Math.signum(change))) {
                continue;
            }
            double[] previous = samples.get(present.get(k - 1));
            double[] current = samples.get(present.get(k));
            Double p = null;
            if (MannWhitney.minimumPValue(previous.length, current.length) < alpha) {
                p = MannWhitney.test(previous, current).pValue();
                if (!(p < alpha)) {
                    continue;
                }
            }
            int index = present.get(k);
            candidates.add(new Report.Step(index, runIds.get(index), before, after, change, p));
        }
        return sharpest(candidates, present);
    }

    /** Of adjacent qualifying runs, keeps the one with the largest change (the earliest on a tie). */
    private static List<Report.Step> sharpest(List<Report.Step> candidates, List<Integer> present) {
        var kept = new ArrayList<Report.Step>();
        for (var step : candidates) {
            var last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            boolean adjacent = last != null
                    && present.indexOf(step.index()) - present.indexOf(last.index()) < WINDOW
                    && Math.signum(last.change()) == Math.signum(step.change());
            if (!adjacent) {
                kept.add(step);
            } else if (Math.abs(step.change()) > Math.abs(last.change())) {
                kept.set(kept.size() - 1, step);
            }
        }
        return kept;
    }

    private static double cost(double value, boolean higherIsBetter) {
        return higherIsBetter ? 1 / value : value;
    }
}
