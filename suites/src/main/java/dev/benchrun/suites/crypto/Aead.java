package dev.benchrun.suites.crypto;

import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * An AEAD with its key bound at creation: ChaCha20-Poly1305 (RFC 8439) or AES-GCM, 16-byte tags.
 *
 * <p>Instances hold a cipher object and are not thread-safe; make one per thread.
 */
public interface Aead {
    int TAG_LENGTH = 16;

    /** The two AEADs of the suite and the key sizes they take. */
    enum Algorithm {
        CHACHA20_POLY1305,
        /** AES-GCM with a 128-, 192- or 256-bit key; the benchmarks use 256. */
        AES_GCM
    }

    /**
     * Encrypts {@code plaintext} into {@code out} as ciphertext ‖ tag and returns the length written.
     *
     * @throws IllegalArgumentException if the provider refuses the nonce (size, or a repeat of the last one)
     */
    int seal(byte[] nonce, byte[] aad, byte[] plaintext, byte[] out);

    /**
     * Decrypts and verifies ciphertext ‖ tag.
     *
     * @throws AEADBadTagException if the tag does not verify
     * @throws IllegalArgumentException if the provider refuses the nonce or the input is shorter than a tag
     */
    byte[] open(byte[] nonce, byte[] aad, byte[] ciphertextAndTag) throws AEADBadTagException;

    /** {@link #seal(byte[], byte[], byte[], byte[])} into a new array. */
    default byte[] seal(byte[] nonce, byte[] aad, byte[] plaintext) {
        byte[] out = new byte[plaintext.length + TAG_LENGTH];
        int length = seal(nonce, aad, plaintext, out);
        return length == out.length ? out : Arrays.copyOf(out, length);
    }

    static Aead create(Algorithm algorithm, String provider, byte[] key) {
        return switch (CryptoProvider.of(provider)) {
            case BC -> new BcAead(algorithm, key);
            case JDK -> new JdkAead(algorithm, key);
        };
    }
}
