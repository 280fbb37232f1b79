package dev.benchrun.model;

/**
 * How a benchmark of an A/B session was judged (docs/compare.md, "Paired comparisons"): one cost
 * ratio per pair of forks, the Wilcoxon signed-rank test on their logarithms, α spent over the
 * looks the session took, and the family of the comparison's benchmarks adjusted by
 * Benjamini–Hochberg; the delta's {@code change} is the Hodges–Lehmann estimate and interval and its
 * {@code pValue} the adjusted one, which is compared with α.
 *
 * @param pairs the pairs judged: forks measured on both sides
 * @param stopped why the benchmark stopped adding pairs; null where the session did not record it
 * @param pValue the signed-rank test's two-sided p over all pairs, as if it were the only look
 * @param sequentialPValue {@code pValue} corrected for the earlier looks: below α exactly when some
 *     look's p was below that look's share of α
 * @param confidence the confidence the interval achieves (a discrete distribution cannot hit every
 *     level; 1 where too few pairs bound nothing)
 * @param smallestDetectable the smallest change, as a fraction, these pairs would probably (80%)
 *     have shown; null with fewer than 2 distinct pairs
 * @param morePairs for an {@code INCONCLUSIVE} verdict, about how many more pairs would decide it
 *     if the spread stays as it is; null otherwise
 */
public record Pairing(
        int pairs,
        Session.Stop stopped,
        double pValue,
        double sequentialPValue,
        double confidence,
        Double smallestDetectable,
        Integer morePairs) {}
