package dev.benchrun.suites.crypto;

import java.security.SecureRandom;

/**
 * A SecureRandom that hands out fixed bytes, in order, exactly once.
 *
 * <p>FIPS 203 draws ML-KEM's d, z (key generation) and m (encapsulation) from the RBG, and RFC 7748
 * draws the X25519 scalar the same way; feeding known bytes through the provider's own randomness
 * parameter is how known-answer tests reach the same code path the benchmarks measure, on providers
 * (like the JDK's) that have no seed-taking API.
 */
final class SeededRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    private final byte[] bytes;
    private int position;

    SeededRandom(byte[] bytes) {
        super(null, null);
        this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
        if (out.length > bytes.length - position) {
            throw new IllegalStateException("the provider drew " + out.length + " bytes; only "
                    + (bytes.length - position) + " of the " + bytes.length + "-byte seed are left");
        }
        System.arraycopy(bytes, position, out, 0, out.length);
        position += out.length;
    }

    /** Fails unless the provider consumed the whole seed, so a seed of the wrong size cannot pass silently. */
    void requireConsumed() {
        if (position != bytes.length) {
            throw new IllegalStateException(
                    "the provider drew " + position + " of the " + bytes.length + " seed bytes");
        }
    }
}
