package dev.benchrun.suites.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each crypto benchmark method runs (twice, so nonce rotation is exercised) with the provider this JVM has. */
class BenchmarkSmokeTest {
    @ParameterizedTest
    @ValueSource(strings = {"BC", "JDK"})
    void x25519AndAeads(String provider) {
        var x25519 = new X25519Benchmark();
        x25519.provider = provider;
        x25519.setup();
        assertThat(x25519.x25519_keygen().publicKey().encoded()).hasSize(32);
        assertThat(x25519.x25519_dh()).hasSize(32).isEqualTo(x25519.x25519_dh());

        var aead = new AeadBenchmark();
        aead.provider = provider;
        aead.setup();
        for (int i = 0; i < 2; i++) {
            assertThat(aead.chacha20poly1305_encrypt_1k()).isEqualTo(1024 + 16);
            assertThat(aead.chacha20poly1305_encrypt_64k()).isEqualTo(65536 + 16);
            assertThat(aead.aes256gcm_encrypt_1k()).isEqualTo(1024 + 16);
            assertThat(aead.aes256gcm_encrypt_64k()).isEqualTo(65536 + 16);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"BC"})
    void mlKemAndHkdf(String provider) {
        var mlKem = new MlKem768Benchmark();
        mlKem.provider = provider;
        mlKem.setup();
        assertThat(mlKem.mlkem768_keygen().encapsulationKey().encoded()).hasSize(1184);
        assertThat(mlKem.mlkem768_encap().ciphertext()).hasSize(1088);
        assertThat(mlKem.mlkem768_decap()).hasSize(32).isEqualTo(mlKem.mlkem768_decap());

        var hkdf = new HkdfBenchmark();
        hkdf.provider = provider;
        hkdf.setup();
        assertThat(hkdf.hkdf_derive()).hasSize(32).isEqualTo(hkdf.hkdf_derive());
    }
}
