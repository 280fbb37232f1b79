package dev.benchrun.suites.zp.record;

/**
 * A 64-record sliding window over received sequence numbers (spec section 3.4): records may
 * arrive out of order within the window, each at most once; anything older is refused.
 */
public final class ReplayWindow {

    public static final int SIZE = 64;

    private long highest = -1;
    private long seen;

    /** True when {@code seq} is new and inside the window; does not record it. */
    public boolean mayAccept(long seq) {
        if (seq < 0) {
            return false;
        }
        if (seq > highest) {
            return true;
        }
        long age = highest - seq;
        return age < SIZE && (seen & (1L << age)) == 0;
    }

    /** Records {@code seq} as received; call only after the record authenticated. */
    public void accept(long seq) {
        if (seq > highest) {
            long shift = highest < 0 ? SIZE : seq - highest;
            seen = shift >= SIZE ? 0 : seen << shift;
            seen |= 1;
            highest = seq;
        } else {
            seen |= 1L << (highest - seq);
        }
    }

    public long highest() {
        return highest;
    }
}
