package dev.benchrun.suites.crypto;

/** HKDF-SHA256 (RFC 5869): extract then expand, behind one interface for both providers. */
public interface Hkdf {
    /** RFC 5869 §2.3: L ≤ 255 · HashLen. */
    int MAX_LENGTH = 255 * 32;

    /**
     * HKDF-Expand(HKDF-Extract(salt, ikm), info, length). An empty salt means "not provided"
     * (HashLen zero bytes, RFC 5869 §2.2), which gives the same PRK.
     *
     * @throws IllegalArgumentException if {@code length} exceeds {@link #MAX_LENGTH}
     */
    byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length);

    static Hkdf forProvider(String provider) {
        return switch (CryptoProvider.of(provider)) {
            case BC -> new BcHkdf();
            case JDK -> new JdkHkdf();
        };
    }
}
