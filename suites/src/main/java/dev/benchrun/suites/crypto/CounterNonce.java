package dev.benchrun.suites.crypto;

/**
 * 96-bit AEAD nonces from a 64-bit counter (the RFC 8439 §2.8 / NIST SP 800-38D §8.2.1 shape):
 * a fixed 4-byte prefix, then the counter big-endian.
 *
 * <p>Both providers refuse to encrypt twice under the same key and nonce, so a benchmark that seals
 * in a loop must move the nonce on every call; a counter does that in a few nanoseconds and without
 * allocating. Both providers copy the nonce on init, so one array is updated in place.
 */
public final class CounterNonce {
    public static final int LENGTH = 12;

    private final byte[] nonce = new byte[LENGTH];
    private long counter;

    public CounterNonce(int prefix) {
        nonce[0] = (byte) (prefix >>> 24);
        nonce[1] = (byte) (prefix >>> 16);
        nonce[2] = (byte) (prefix >>> 8);
        nonce[3] = (byte) prefix;
    }

    /** The next nonce; the array is this object's own and is overwritten by the next call. */
    public byte[] next() {
        long value = counter++;
        for (int i = LENGTH - 1; i >= 4; i--) {
            nonce[i] = (byte) value;
            value >>>= 8;
        }
        return nonce;
    }
}
