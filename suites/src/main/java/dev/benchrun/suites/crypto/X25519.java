package dev.benchrun.suites.crypto;

import java.security.SecureRandom;

/** X25519 key generation and Diffie-Hellman (RFC 7748), behind one interface for both providers. */
public interface X25519 {
    /** Byte length of scalars, u-coordinates and shared secrets. */
    int LENGTH = 32;

    /** A public key as the provider holds it; {@link #encoded()} is the RFC 7748 little-endian u-coordinate. */
    interface PublicKey {
        byte[] encoded();
    }

    /** A private key as the provider holds it. */
    interface PrivateKey {}

    /** A freshly generated key pair. */
    record KeyPair(PublicKey publicKey, PrivateKey privateKey) {}

    /** Draws a 32-byte scalar from {@code random} and computes its public key. */
    KeyPair generateKeyPair(SecureRandom random);

    /** Imports a 32-byte scalar (clamped by the provider, per RFC 7748 §5). */
    PrivateKey privateKey(byte[] scalar);

    /** Imports a 32-byte u-coordinate (the top bit is ignored, per RFC 7748 §5). */
    PublicKey publicKey(byte[] u);

    /**
     * X25519(own scalar, peer's u): the 32-byte shared secret.
     *
     * @throws IllegalArgumentException if the provider refuses the result (the all-zero secret of a
     *     low-order peer key, RFC 7748 §6.1)
     */
    byte[] agree(PrivateKey own, PublicKey peer);

    /** Deterministic key generation from a 32-byte scalar, through {@link #generateKeyPair}. */
    default KeyPair keyPairFromScalar(byte[] scalar) {
        if (scalar.length != LENGTH) {
            throw new IllegalArgumentException("an X25519 scalar is 32 bytes, not " + scalar.length);
        }
        var random = new SeededRandom(scalar);
        var keyPair = generateKeyPair(random);
        random.requireConsumed();
        return keyPair;
    }

    static X25519 forProvider(String provider) {
        return switch (CryptoProvider.of(provider)) {
            case BC -> new BcX25519();
            case JDK -> new JdkX25519();
        };
    }
}
