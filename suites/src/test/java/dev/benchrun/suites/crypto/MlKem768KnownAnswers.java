package dev.benchrun.suites.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * ML-KEM-768 (final FIPS 203) against the Wycheproof files: keygen from seed, encapsulation from m
 * (with the modulus-overflow keys), decapsulation from seed-generated keys (with CCTV's strcmp case)
 * and from semi-expanded 2400-byte keys.
 */
abstract class MlKem768KnownAnswers extends ProviderTest {
    private final SecureRandom random = new SecureRandom();

    private MlKem768 mlKem() {
        return MlKem768.forProvider(provider());
    }

    /** ek must match; the file's expanded dk must behave as the generated one, on valid and on rejected ciphertexts. */
    @TestFactory
    Stream<DynamicTest> wycheproofKeygenFromSeed() {
        var mlKem = mlKem();
        return Vectors.wycheproof("mlkem_768_keygen_seed_test.json", c -> {
            var keyPair = mlKem.keyPairFromSeed(c.hex("seed"));
            assertThat(keyPair.encapsulationKey().encoded()).isEqualTo(c.hex("ek"));

            var fromFile = mlKem.decapsulationKey(c.hex("dk"));
            var encapsulation = mlKem.encapsulate(keyPair.encapsulationKey(), random);
            assertThat(mlKem.decapsulate(fromFile, encapsulation.ciphertext())).isEqualTo(encapsulation.sharedSecret());
            byte[] tampered = encapsulation.ciphertext().clone();
            tampered[0] ^= 1;
            // Implicit rejection returns J(z ‖ c): equal only if both keys hold the same z.
            assertThat(mlKem.decapsulate(fromFile, tampered))
                    .isEqualTo(mlKem.decapsulate(keyPair.decapsulationKey(), tampered))
                    .isNotEqualTo(encapsulation.sharedSecret());
        });
    }

    /** Valid: c and K from (ek, m) must match. Invalid (modulus overflow, wrong length): import or encapsulation must refuse. */
    @TestFactory
    Stream<DynamicTest> wycheproofEncapsulation() {
        var mlKem = mlKem();
        return Vectors.wycheproof("mlkem_768_encaps_test.json", c -> {
            if (c.result().equals("valid")) {
                var encapsulation = mlKem.encapsulate(mlKem.encapsulationKey(c.hex("ek")), c.hex("m"));
                assertThat(encapsulation.ciphertext()).isEqualTo(c.hex("c"));
                assertThat(encapsulation.sharedSecret()).isEqualTo(c.hex("K"));
            } else {
                assertThat(catchThrowable(() -> mlKem.encapsulate(mlKem.encapsulationKey(c.hex("ek")), c.hex("m"))))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        });
    }

    /** Valid: ek from the seed and K from decapsulating c must match. Invalid (seed or c of the wrong size): refused. */
    @TestFactory
    Stream<DynamicTest> wycheproofDecapsulation() {
        var mlKem = mlKem();
        return Vectors.wycheproof("mlkem_768_test.json", c -> {
            if (c.result().equals("valid")) {
                var keyPair = mlKem.keyPairFromSeed(c.hex("seed"));
                assertThat(keyPair.encapsulationKey().encoded()).isEqualTo(c.hex("ek"));
                assertThat(mlKem.decapsulate(keyPair.decapsulationKey(), c.hex("c")))
                        .isEqualTo(c.hex("K"));
            } else {
                assertThat(catchThrowable(() -> mlKem.decapsulate(
                                mlKem.keyPairFromSeed(c.hex("seed")).decapsulationKey(), c.hex("c"))))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        });
    }

    /** Valid: K from a 2400-byte dk. Invalid (lengths, corrupted H(ek) or embedded ek): import or decapsulation must refuse. */
    @TestFactory
    Stream<DynamicTest> wycheproofSemiExpandedDecapsulation() {
        var mlKem = mlKem();
        return Vectors.wycheproof("mlkem_768_semi_expanded_decaps_test.json", c -> {
            if (c.result().equals("valid")) {
                assertThat(mlKem.decapsulate(mlKem.decapsulationKey(c.hex("dk")), c.hex("c")))
                        .isEqualTo(c.hex("K"));
            } else {
                assertThat(catchThrowable(() -> mlKem.decapsulate(mlKem.decapsulationKey(c.hex("dk")), c.hex("c"))))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        });
    }

    /** The benchmarks' path: random keys, random m, sizes per FIPS 203 Table 3. */
    @Test
    void randomRoundTrips() {
        var mlKem = mlKem();
        for (int i = 0; i < 10; i++) {
            var keyPair = mlKem.generateKeyPair(random);
            var encapsulation = mlKem.encapsulate(keyPair.encapsulationKey(), random);
            assertThat(keyPair.encapsulationKey().encoded()).hasSize(MlKem768.ENCAPSULATION_KEY_LENGTH);
            assertThat(encapsulation.ciphertext()).hasSize(MlKem768.CIPHERTEXT_LENGTH);
            assertThat(encapsulation.sharedSecret()).hasSize(MlKem768.SHARED_SECRET_LENGTH);
            assertThat(mlKem.decapsulate(keyPair.decapsulationKey(), encapsulation.ciphertext()))
                    .isEqualTo(encapsulation.sharedSecret());
        }
    }
}
