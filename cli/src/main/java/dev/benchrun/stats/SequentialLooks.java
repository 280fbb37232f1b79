package dev.benchrun.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * When a paired comparison may stop: interim looks at planned numbers of pairs, each testing at its
 * own share of α, so that looking again after every few pairs does not raise the chance of a false
 * alarm above α.
 *
 * <p>Testing at α after every look would: with 13 looks at 5% an unchanged benchmark is flagged
 * about three times as often (see the simulation in the tests). Here look k, at n_k of at most
 * n_max pairs, tests at the increment α(t_k) − α(t_{k−1}) of Lan &amp; DeMets' (1983) Pocock-type
 * spending function α(t) = α·ln(1 + (e − 1)·t), t = n_k / n_max. The increments sum to α, so by the
 * union bound the false-alarm rate over all looks is at most α whatever the correlation of the
 * looks, and with the exact signed-rank test at each look nothing rests on a normal approximation.
 * Pocock's shape spends more of α early than O'Brien–Fleming's, which suits benchmarks: a real
 * regression is usually large next to the noise and should stop the comparison early. Stopping
 * because the interval lies inside the equivalence margin, or because it is narrow enough, never
 * rejects anything and costs no α.
 *
 * @param pairs the number of pairs at each look, increasing; the last is n_max
 * @param alpha the false-alarm rate over all looks together
 */
public record SequentialLooks(List<Integer> pairs, double alpha) {

    public SequentialLooks {
        pairs = List.copyOf(pairs);
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no looks");
        }
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i) < 1 || (i > 0 && pairs.get(i) <= pairs.get(i - 1))) {
                throw new IllegalArgumentException("looks must be increasing numbers of pairs: " + pairs);
            }
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
    }

    /** Looks at {@code first}, {@code first + step}, … pairs, and at {@code max}. */
    public static SequentialLooks every(int first, int step, int max, double alpha) {
        if (first < 1 || step < 1 || max < first) {
            throw new IllegalArgumentException("looks from " + first + " by " + step + " to " + max);
        }
        var pairs = new ArrayList<Integer>();
        for (int n = first; n < max; n += step) {
            pairs.add(n);
        }
        pairs.add(max);
        return new SequentialLooks(pairs, alpha);
    }

    /**
     * A schedule of at most {@code maxPairs} pairs whose first look is the earliest at which the
     * signed-rank test can reject at that look's level (6 pairs can never give p &lt; 0.031, the
     * first look's level at 6 of 12 pairs and α = 0.05), then every {@code step} pairs.
     */
    public static SequentialLooks earliest(int maxPairs, int step, double alpha) {
        for (int first = 1; first < maxPairs; first++) {
            var looks = every(first, step, maxPairs, alpha);
            if (SignedRank.minimumPValue(first) < looks.alphaAt(0)) {
                return looks;
            }
        }
        return new SequentialLooks(List.of(maxPairs), alpha);
    }

    /** The number of looks. */
    public int size() {
        return pairs.size();
    }

    /** The most pairs the comparison may take. */
    public int maxPairs() {
        return pairs.get(pairs.size() - 1);
    }

    /** The level look {@code look} (0-based) tests at: its increment of the spending function. */
    public double alphaAt(int look) {
        double before = look == 0 ? 0 : spent(pairs.get(look - 1));
        return spent(pairs.get(look)) - before;
    }

    /** The index of the look taken at exactly {@code n} pairs, or −1 when no look is planned there. */
    public int lookAt(int n) {
        return pairs.indexOf(n);
    }

    /**
     * The looks a comparison that ended at {@code n} pairs has taken: the planned ones below
     * {@code n}, and {@code n} itself, which is a look even off the plan (the time ran out, a fork
     * failed): there the comparison spends what is left of α up to {@code n / n_max}.
     */
    public List<Integer> taken(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("no pairs");
        }
        var taken = new ArrayList<Integer>();
        for (int look : pairs) {
            // Below n_max too: a comparison with more pairs than planned is judged at n_max, once.
            if (look < n && look < maxPairs()) {
                taken.add(look);
            }
        }
        taken.add(Math.min(n, maxPairs()));
        return taken;
    }

    /**
     * One p-value for a comparison over all the looks it took, comparable with α: the smallest of
     * pᵢ·α/αᵢ, where pᵢ is the test's p at look i and αᵢ that look's level. It is below α exactly
     * when some look rejected at its own level, and it is a valid p-value at every level t, since
     * P(min pᵢ·α/αᵢ ≤ t) ≤ Σ t·αᵢ/α = t (union bound). So it can be adjusted for multiplicity
     * like any other, and it does not depend on α, which cancels out: a stored session can be
     * judged again at another α.
     *
     * @param taken the looks, as {@link #taken(int)} gives them
     * @param pValueAt the test's p-value on the first n pairs
     * @param lastTakesRest whether the last look spends all of α the earlier ones left: right when
     *     the comparison ended there for a reason that does not depend on its data (the schedule's
     *     last look, the time ran out, a fork failed, Ctrl-C), since no later look will spend it; the
     *     shares then still sum to at most α. Wrong after stopping because of what the data showed.
     */
    public double sequentialPValue(
            List<Integer> taken, java.util.function.IntToDoubleFunction pValueAt, boolean lastTakesRest) {
        double best = 1;
        double before = 0;
        for (int i = 0; i < taken.size(); i++) {
            int n = taken.get(i);
            double now = lastTakesRest && i == taken.size() - 1 ? alpha : spent(n);
            double share = (now - before) / alpha;
            before = now;
            if (share > 0) {
                best = Math.min(best, pValueAt.applyAsDouble(n) / share);
            }
        }
        return Math.min(1, best);
    }

    /** {@link #sequentialPValue(List, java.util.function.IntToDoubleFunction, boolean)} with every look at its planned share. */
    public double sequentialPValue(List<Integer> taken, java.util.function.IntToDoubleFunction pValueAt) {
        return sequentialPValue(taken, pValueAt, false);
    }

    /** The planned looks at or below {@code n} pairs: those a comparison still going at n has taken. */
    public List<Integer> plannedUpTo(int n) {
        return pairs.stream().filter(look -> look <= n).toList();
    }

    /** α(t): how much of α has been spent by the look at {@code n} pairs. */
    private double spent(int n) {
        double t = Math.min(1, n / (double) maxPairs());
        return alpha * Math.log(1 + (Math.E - 1) * t);
    }
}
