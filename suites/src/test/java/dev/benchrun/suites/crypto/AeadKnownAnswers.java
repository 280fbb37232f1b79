package dev.benchrun.suites.crypto;

import static dev.benchrun.suites.crypto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.benchrun.suites.crypto.Aead.Algorithm;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * ChaCha20-Poly1305 against RFC 8439 §2.8.2 and Wycheproof chacha20_poly1305_test.json; AES-GCM against
 * the GCM spec's AES-256 test cases 13-18 and Wycheproof aes_gcm_test.json (all key sizes).
 */
abstract class AeadKnownAnswers extends ProviderTest {
    private Aead aead(Algorithm algorithm, byte[] key) {
        return Aead.create(algorithm, provider(), key);
    }

    @Test
    void rfc8439Section282() throws Exception {
        var v = Vectors.read("rfc8439-chacha20poly1305-aead.json");
        var aead = aead(Algorithm.CHACHA20_POLY1305, hex(v, "key"));
        byte[] expected = concat(hex(v, "ciphertext"), hex(v, "tag"));

        assertThat(aead.seal(hex(v, "nonce"), hex(v, "aad"), hex(v, "plaintext")))
                .isEqualTo(expected);
        var opener = aead(Algorithm.CHACHA20_POLY1305, hex(v, "key"));
        assertThat(opener.open(hex(v, "nonce"), hex(v, "aad"), expected)).isEqualTo(hex(v, "plaintext"));
        expected[expected.length - 1] ^= 1;
        var tamperedOpener = aead(Algorithm.CHACHA20_POLY1305, hex(v, "key"));
        assertThatThrownBy(() -> tamperedOpener.open(hex(v, "nonce"), hex(v, "aad"), expected))
                .isInstanceOf(AEADBadTagException.class);
    }

    @TestFactory
    Stream<DynamicTest> gcmSpecAes256TestCases13To18() {
        var cases = Vectors.read("aes256gcm-mcgrew-viega-tc13-18.json").get("cases");
        return Stream.iterate(0, i -> i < cases.size(), i -> i + 1)
                .map(cases::get)
                .map(v -> DynamicTest.dynamicTest(
                        v.get("id").asText() + " (iv " + hex(v, "iv").length * 8 + " bits)", () -> {
                            var aead = aead(Algorithm.AES_GCM, hex(v, "key"));
                            byte[] expected = concat(hex(v, "ciphertext"), hex(v, "tag"));
                            assertThat(aead.seal(hex(v, "iv"), hex(v, "aad"), hex(v, "plaintext")))
                                    .isEqualTo(expected);
                            assertThat(aead(Algorithm.AES_GCM, hex(v, "key"))
                                            .open(hex(v, "iv"), hex(v, "aad"), expected))
                                    .isEqualTo(hex(v, "plaintext"));
                        }));
    }

    @TestFactory
    Stream<DynamicTest> wycheproofChaCha20Poly1305() {
        return wycheproof("chacha20_poly1305_test.json", Algorithm.CHACHA20_POLY1305);
    }

    @TestFactory
    Stream<DynamicTest> wycheproofAesGcm() {
        return wycheproof("aes_gcm_test.json", Algorithm.AES_GCM);
    }

    /**
     * The JDK's ChaCha20-Poly1305 refuses any re-initialisation with the last key and nonce, decryption
     * included, so each seal and open here uses its own instance.
     *
     * <p>Valid cases must seal to ct ‖ tag and open again; invalid ones must be refused on open. A valid
     * case whose IV size (never 96 bits) the provider refuses is skipped, with the size in its name and
     * the provider's message as the reason.
     */
    private Stream<DynamicTest> wycheproof(String file, Algorithm algorithm) {
        return Vectors.wycheproof(
                file, c -> c.name() + " (iv " + c.group().get("ivSize").asInt() + " bits)", c -> {
                    var aead = aead(algorithm, c.hex("key"));
                    byte[] iv = c.hex("iv");
                    byte[] aad = c.hex("aad");
                    byte[] sealed = concat(c.hex("ct"), c.hex("tag"));
                    if (c.result().equals("valid")) {
                        byte[] produced;
                        try {
                            produced = aead.seal(iv, aad, c.hex("msg"));
                        } catch (IllegalArgumentException refused) {
                            if (iv.length == 12) {
                                throw refused;
                            }
                            Assumptions.abort(
                                    provider() + " refuses " + iv.length * 8 + "-bit IVs: " + refused.getMessage());
                            return;
                        }
                        assertThat(produced).isEqualTo(sealed);
                        assertThat(aead(algorithm, c.hex("key")).open(iv, aad, sealed))
                                .isEqualTo(c.hex("msg"));
                    } else {
                        assertThat(catchThrowable(() -> aead.open(iv, aad, sealed)))
                                .isInstanceOfAny(AEADBadTagException.class, IllegalArgumentException.class);
                    }
                });
    }

    /** Why the benchmarks rotate nonces: both providers refuse to encrypt twice under one key and nonce. */
    @Test
    void sealingTwiceWithOneNonceIsRefused() {
        for (var algorithm : Algorithm.values()) {
            var aead = aead(algorithm, new byte[32]);
            byte[] nonce = new byte[12];
            aead.seal(nonce, new byte[16], new byte[64]);
            assertThatThrownBy(() -> aead.seal(nonce, new byte[16], new byte[64]))
                    .as(algorithm.name())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The benchmarks' loop: a counter nonce updated in place, sealing into one buffer, 1,000 times. */
    @Test
    void counterNoncesSealInALoop() throws Exception {
        for (var algorithm : Algorithm.values()) {
            var aead = aead(algorithm, new byte[32]);
            var opener = aead(algorithm, new byte[32]);
            var nonces = new CounterNonce(7);
            byte[] aad = new byte[16];
            byte[] plaintext = new byte[1024];
            byte[] out = new byte[plaintext.length + Aead.TAG_LENGTH];
            var tags = new HashSet<ByteBuffer>();
            for (int i = 0; i < 1000; i++) {
                byte[] nonce = nonces.next();
                assertThat(aead.seal(nonce, aad, plaintext, out)).isEqualTo(out.length);
                tags.add(ByteBuffer.wrap(Arrays.copyOfRange(out, plaintext.length, out.length)));
                assertThat(opener.open(nonce, aad, out.clone())).isEqualTo(plaintext);
            }
            assertThat(tags).as(algorithm.name()).hasSize(1000);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
