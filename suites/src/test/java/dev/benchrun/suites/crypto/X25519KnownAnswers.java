package dev.benchrun.suites.crypto;

import static dev.benchrun.suites.crypto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** X25519 against RFC 7748 §5.2 and §6.1 and Wycheproof x25519_test.json. */
abstract class X25519KnownAnswers extends ProviderTest {
    private X25519 x25519() {
        return X25519.forProvider(provider());
    }

    @TestFactory
    Stream<DynamicTest> rfc7748ScalarMultiplication() {
        var x25519 = x25519();
        var vectors = Vectors.read("rfc7748-x25519.json").get("scalar_mult");
        return Stream.iterate(0, i -> i < vectors.size(), i -> i + 1)
                .map(vectors::get)
                .map(v -> DynamicTest.dynamicTest(v.get("id").asText(), () -> {
                    var secret = x25519.agree(x25519.privateKey(hex(v, "scalar")), x25519.publicKey(hex(v, "u")));
                    assertThat(secret).isEqualTo(hex(v, "output"));
                }));
    }

    @Test
    void rfc7748IteratedOneAndOneThousandTimes() {
        var x25519 = x25519();
        var iterated = Vectors.read("rfc7748-x25519.json").get("iterated");
        byte[] k = new byte[32];
        k[0] = 9;
        byte[] u = k.clone();
        for (int i = 1; i <= 1000; i++) {
            byte[] r = x25519.agree(x25519.privateKey(k), x25519.publicKey(u));
            u = k;
            k = r;
            if (i == 1) {
                assertThat(k).isEqualTo(hex(iterated, "after_1"));
            }
        }
        assertThat(k).isEqualTo(hex(iterated, "after_1000"));
    }

    @Test
    void rfc7748DiffieHellmanFromKeyGeneration() {
        var x25519 = x25519();
        var dh = Vectors.read("rfc7748-x25519.json").get("diffie_hellman");
        var alice = x25519.keyPairFromScalar(hex(dh, "alice_private"));
        var bob = x25519.keyPairFromScalar(hex(dh, "bob_private"));

        assertThat(alice.publicKey().encoded()).isEqualTo(hex(dh, "alice_public"));
        assertThat(bob.publicKey().encoded()).isEqualTo(hex(dh, "bob_public"));
        assertThat(x25519.agree(alice.privateKey(), bob.publicKey())).isEqualTo(hex(dh, "shared_secret"));
        assertThat(x25519.agree(bob.privateKey(), x25519.publicKey(hex(dh, "alice_public"))))
                .isEqualTo(hex(dh, "shared_secret"));
    }

    @Test
    void randomKeyPairsAgree() {
        var x25519 = x25519();
        var random = new SecureRandom();
        for (int i = 0; i < 20; i++) {
            var a = x25519.generateKeyPair(random);
            var b = x25519.generateKeyPair(random);
            assertThat(x25519.agree(a.privateKey(), b.publicKey()))
                    .isEqualTo(x25519.agree(b.privateKey(), a.publicKey()))
                    .isNotEqualTo(new byte[32]);
        }
    }

    /** Valid cases must match; "acceptable" ones (low-order, non-canonical keys) may be refused, but if computed must match. */
    @TestFactory
    Stream<DynamicTest> wycheproof() {
        var x25519 = x25519();
        return Vectors.wycheproof("x25519_test.json", c -> {
            var computed = catchThrowable(() -> {
                byte[] secret = x25519.agree(x25519.privateKey(c.hex("private")), x25519.publicKey(c.hex("public")));
                assertThat(secret).isEqualTo(c.hex("shared"));
            });
            switch (c.result()) {
                case "valid" -> assertThat(computed).isNull();
                case "acceptable" ->
                    assertThat(computed)
                            .satisfiesAnyOf(
                                    t -> assertThat(t).isNull(),
                                    t -> assertThat(t).isInstanceOf(IllegalArgumentException.class));
                default -> throw new AssertionError("X25519 tests are never " + c.result());
            }
        });
    }
}
