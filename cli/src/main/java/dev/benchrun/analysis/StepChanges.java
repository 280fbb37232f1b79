package dev.benchrun.analysis;

import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Report;
import dev.benchrun.model.Unit;
import dev.benchrun.stats.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds lasting changes of level in a benchmark's history (docs/report.md, "History and step changes").
 *
 * <p>The level at a run is the median of its samples. A step at run i needs all of: the median of
 * the levels of runs i..i+W−1 differs from the median of runs i−W..i−1 by at least the threshold
 * (medians of a window, so that a single outlying run moves neither side); run i's own level differs
 * from the level before by at least the threshold in the same direction (so the step is placed at the
 * first run on the new level, not one early); {@code compare} of run i−1 against run i, by its own
 * rule ({@link Judge#delta}: p &lt; α, the interval excluding 0, the change beyond the noise floor),
 * flags a change in that direction, so that a step is never drawn where compare of the same two runs
 * says {@code ~}; and no neighbouring run qualifies with a larger change (a step is reported once,
 * where it is sharpest).
 */
public final class StepChanges {

    /** Runs on each side whose levels are compared. */
    static final int WINDOW = 3;

    private StepChanges() {}

    /**
     * @param results per history run, its result of the benchmark; null where the run lacks it
     * @param runIds the history runs' ids, aligned with {@code results}
     * @param unit the trend's unit, which every result converts to
     * @param threshold the smallest relative change of cost that counts
     * @param settings the statistics compare judges with
     */
    public static List<Report.Step> find(
            List<BenchmarkResult> results, List<String> runIds, Unit unit, double threshold, CompareSettings settings) {
        var present = new ArrayList<Integer>();
        for (int i = 0; i < results.size(); i++) {
            var r = results.get(i);
            if (r != null && r.score().sampleCount() > 0) {
                present.add(i);
            }
        }
        double[] levels =
                present.stream().mapToDouble(i -> level(results.get(i), unit)).toArray();
        boolean higherIsBetter = unit.higherIsBetter();
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
            var compared = Judge.delta(results.get(present.get(k - 1)), results.get(present.get(k)), settings);
            if (!flags(compared, change, settings)) {
                continue;
            }
            int index = present.get(k);
            candidates.add(new Report.Step(index, runIds.get(index), before, after, change, compared.pValue()));
        }
        return sharpest(candidates, present);
    }

    /** Whether compare's rule shows the score's change, in the step's direction. */
    private static boolean flags(Delta compared, double change, CompareSettings settings) {
        var c = compared.change();
        return compared.pValue() != null
                && c != null
                && ThreeAnswers.shown(compared.pValue(), c, settings)
                && Math.signum(c.estimate()) == Math.signum(change);
    }

    /** The median of a result's samples, in {@code unit}. */
    private static double level(BenchmarkResult r, Unit unit) {
        Unit from = Unit.parse(r.score().unit());
        return Summary.median(r.score().samples()) * from.toBase() / unit.toBase();
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
