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

    /** α(t): how much of α has been spent by the look at {@code n} pairs. */
    private double spent(int n) {
        double t = n / (double) maxPairs();
        return alpha * Math.log(1 + (Math.E - 1) * t);
    }
}
