package dev.benchrun.stats;

import dev.benchrun.stats.SignedRank.Zeros;
import java.util.Arrays;

/**
 * Brute force for tests only: midranks counted pair by pair, then all 2^m sign patterns of the
 * nonzero differences listed and W+ computed for each. Shares no code with the class under test.
 */
record SignRankEnumeration(double observed, double[] all) {

    static SignRankEnumeration of(double[] differences, Zeros zeros) {
        double[] d = zeros == Zeros.DROP
                ? Arrays.stream(differences).filter(v -> v != 0).toArray()
                : differences.clone();
        int n = d.length;
        double[] rank = new double[n];
        for (int i = 0; i < n; i++) {
            int smaller = 0;
            int equal = 0;
            for (int j = 0; j < n; j++) {
                if (Math.abs(d[j]) < Math.abs(d[i])) {
                    smaller++;
                } else if (Math.abs(d[j]) == Math.abs(d[i])) {
                    equal++;
                }
            }
            rank[i] = smaller + (equal + 1) / 2.0;
        }
        double[] signed = Arrays.stream(indices(n))
                .filter(i -> d[i] != 0)
                .mapToDouble(i -> rank[i])
                .toArray();
        double observed = 0;
        for (int i = 0; i < n; i++) {
            observed += d[i] > 0 ? rank[i] : 0;
        }
        int m = signed.length;
        double[] all = new double[1 << m];
        for (int mask = 0; mask < all.length; mask++) {
            for (int k = 0; k < m; k++) {
                all[mask] += (mask & (1 << k)) != 0 ? signed[k] : 0;
            }
        }
        return new SignRankEnumeration(observed, all);
    }

    private static int[] indices(int n) {
        int[] i = new int[n];
        Arrays.setAll(i, k -> k);
        return i;
    }

    double fractionAtMost(double w) {
        return Arrays.stream(all).filter(v -> v <= w).count() / (double) all.length;
    }

    double fractionAtLeast(double w) {
        return Arrays.stream(all).filter(v -> v >= w).count() / (double) all.length;
    }

    double twoSided() {
        return Math.min(1, 2 * Math.min(fractionAtMost(observed), fractionAtLeast(observed)));
    }
}
