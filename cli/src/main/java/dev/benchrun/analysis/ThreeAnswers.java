package dev.benchrun.analysis;

import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Interval;
import dev.benchrun.model.Threshold;
import dev.benchrun.model.Verdict;
import dev.benchrun.stats.Equivalence;

/**
 * The verdict rule of the comparisons that can say they do not know (docs/compare.md): an A/B
 * session's pairs, and a baseline of several runs. A change is shown when its p, adjusted over the
 * comparison's benchmarks, is below α, its interval excludes 0 and it reaches the noise floor; it is
 * {@code ~} when its interval lies inside the equivalence margin; anything else is {@code
 * INCONCLUSIVE}: the interval cannot tell a change that matters from none.
 */
final class ThreeAnswers {

    private ThreeAnswers() {}

    /**
     * @param change the change and its interval; null where the evidence bounds nothing
     * @param q the p-value adjusted over the family of benchmarks judged together
     */
    static Verdict verdict(Interval change, double q, Threshold threshold, CompareSettings settings) {
        if (change == null) {
            return Verdict.INCONCLUSIVE;
        }
        if (shown(q, change, settings)) {
            if (change.estimate() < 0) {
                return Verdict.IMPROVEMENT;
            }
            if (change.estimate() >= threshold.failure()) {
                return Verdict.REGRESSION;
            }
            return change.estimate() >= threshold.warning() ? Verdict.WARNING : Verdict.SLOWER;
        }
        if (Equivalence.of(change.lower(), change.upper(), margin(threshold, settings)) == Equivalence.INSIDE) {
            return Verdict.NO_CHANGE;
        }
        // Shown to differ, by less than the noise floor: never flagged, as for two runs.
        return q < settings.alpha() ? Verdict.NO_CHANGE : Verdict.INCONCLUSIVE;
    }

    /**
     * The equivalence margin of the verdict: a change whose interval lies inside ±the category's
     * warning threshold cannot be a WARNING or a REGRESSION, and one not shown beyond the noise floor
     * is not flagged, so it is {@code ~}. What the interval cannot bound that tightly is
     * INCONCLUSIVE: it may be a change that matters. A running session stops early only on the
     * tighter margin, the noise floor, so that a real change below the threshold still has the
     * pairs to show itself as {@code slower}.
     */
    static double margin(Threshold threshold, CompareSettings settings) {
        return Math.max(settings.noiseFloor(), threshold.warning());
    }

    static boolean shown(double p, Interval change, CompareSettings settings) {
        return p < settings.alpha() && change.excludes(0) && Math.abs(change.estimate()) >= settings.noiseFloor();
    }
}
