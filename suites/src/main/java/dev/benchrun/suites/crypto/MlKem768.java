package dev.benchrun.suites.crypto;

import java.security.SecureRandom;

/** ML-KEM-768 (FIPS 203) key generation, encapsulation and decapsulation, behind one interface for both providers. */
public interface MlKem768 {
    int ENCAPSULATION_KEY_LENGTH = 1184;
    int DECAPSULATION_KEY_LENGTH = 2400;
    int CIPHERTEXT_LENGTH = 1088;
    int SHARED_SECRET_LENGTH = 32;
    int SEED_LENGTH = 64;

    /** An encapsulation (public) key as the provider holds it; {@link #encoded()} is the 1184-byte FIPS 203 ek. */
    interface EncapsulationKey {
        byte[] encoded();
    }

    /** A decapsulation (private) key as the provider holds it. */
    interface DecapsulationKey {}

    /** A freshly generated key pair. */
    record KeyPair(EncapsulationKey encapsulationKey, DecapsulationKey decapsulationKey) {}

    /** The shared secret K and the ciphertext c that carries it. */
    record Encapsulation(byte[] sharedSecret, byte[] ciphertext) {}

    /** ML-KEM.KeyGen: d and z (32 bytes each, in that order) come from {@code random}. */
    KeyPair generateKeyPair(SecureRandom random);

    /** ML-KEM.Encaps: m (32 bytes) comes from {@code random}. */
    Encapsulation encapsulate(EncapsulationKey key, SecureRandom random);

    /**
     * ML-KEM.Decaps. A ciphertext of the right length always yields a secret (implicit rejection).
     *
     * @throws IllegalArgumentException for a ciphertext that is not 1088 bytes
     */
    byte[] decapsulate(DecapsulationKey key, byte[] ciphertext);

    /**
     * Imports a 1184-byte ek.
     *
     * @throws IllegalArgumentException on the wrong length or a coefficient ≥ q (FIPS 203 §7.2 modulus check)
     */
    EncapsulationKey encapsulationKey(byte[] encoded);

    /**
     * Imports a 2400-byte expanded dk (dk_PKE ‖ ek ‖ H(ek) ‖ z).
     *
     * @throws IllegalArgumentException on the wrong length or when H(ek) does not match (FIPS 203 §7.3 hash check)
     */
    DecapsulationKey decapsulationKey(byte[] expanded);

    /** Deterministic ML-KEM.KeyGen_internal(d, z) from the 64-byte seed d ‖ z, through {@link #generateKeyPair}. */
    default KeyPair keyPairFromSeed(byte[] seed) {
        if (seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("an ML-KEM seed d ‖ z is 64 bytes, not " + seed.length);
        }
        var random = new SeededRandom(seed);
        var keyPair = generateKeyPair(random);
        random.requireConsumed();
        return keyPair;
    }

    /** Deterministic ML-KEM.Encaps_internal(ek, m) from the 32-byte message m, through {@link #encapsulate}. */
    default Encapsulation encapsulate(EncapsulationKey key, byte[] m) {
        if (m.length != 32) {
            throw new IllegalArgumentException("ML-KEM's m is 32 bytes, not " + m.length);
        }
        var random = new SeededRandom(m);
        var encapsulation = encapsulate(key, random);
        random.requireConsumed();
        return encapsulation;
    }

    static MlKem768 forProvider(String provider) {
        return switch (CryptoProvider.of(provider)) {
            case BC -> new BcMlKem768();
            case JDK -> new JdkMlKem768();
        };
    }
}
