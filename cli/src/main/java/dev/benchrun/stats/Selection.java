package dev.benchrun.stats;

/**
 * Quickselect on primitive doubles: the k-th smallest value without sorting everything, which for
 * two percentiles of 10,000 bootstrap ratios is several times cheaper than a sort.
 */
final class Selection {

    private Selection() {}

    /**
     * Rearranges {@code a[from..to]} (inclusive) so that {@code a[k]} holds the value a sort would put
     * there, with nothing larger before it and nothing smaller after it, and returns that value.
     */
    static double select(double[] a, int from, int to, int k) {
        if (k < from || k > to) {
            throw new IllegalArgumentException("rank " + k + " outside [" + from + ", " + to + "]");
        }
        int lo = from;
        int hi = to;
        while (hi > lo) {
            double pivot = medianOfThree(a[lo], a[lo + (hi - lo) / 2], a[hi]);
            // Hoare partition: afterwards a[lo..j] <= pivot <= a[i..hi] and j < i.
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k]; // between the two halves: equal to the pivot
            }
        }
        return a[k];
    }

    private static double medianOfThree(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
