package dev.benchrun.suites.crypto;

import static dev.benchrun.suites.crypto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** HKDF-SHA256 against RFC 5869 Appendix A.1-A.3 and Wycheproof hkdf_sha256_test.json. */
abstract class HkdfKnownAnswers extends ProviderTest {
    @TestFactory
    Stream<DynamicTest> rfc5869() {
        var hkdf = Hkdf.forProvider(provider());
        var cases = Vectors.read("rfc5869-hkdf-sha256.json").get("cases");
        return Stream.iterate(0, i -> i < cases.size(), i -> i + 1)
                .map(cases::get)
                .map(v -> DynamicTest.dynamicTest(
                        v.get("id").asText(),
                        () -> assertThat(hkdf.derive(
                                        hex(v, "ikm"),
                                        hex(v, "salt"),
                                        hex(v, "info"),
                                        v.get("L").asInt()))
                                .isEqualTo(hex(v, "okm"))));
    }

    /** Valid cases must match; the invalid ones ask for more than 255 · 32 bytes and must be refused. */
    @TestFactory
    Stream<DynamicTest> wycheproof() {
        var hkdf = Hkdf.forProvider(provider());
        return Vectors.wycheproof("hkdf_sha256_test.json", c -> {
            int size = c.test().get("size").asInt();
            if (c.result().equals("valid")) {
                assertThat(hkdf.derive(c.hex("ikm"), c.hex("salt"), c.hex("info"), size))
                        .isEqualTo(c.hex("okm"));
            } else {
                assertThatThrownBy(() -> hkdf.derive(c.hex("ikm"), c.hex("salt"), c.hex("info"), size))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        });
    }

    /** The benchmark's shape: 32-byte IKM and salt, short info, 32-byte output, twice on one instance. */
    @Test
    void derivesRepeatablyOnOneInstance() {
        var hkdf = Hkdf.forProvider(provider());
        byte[] first = hkdf.derive(new byte[32], new byte[32], new byte[] {1}, 32);
        assertThat(hkdf.derive(new byte[32], new byte[32], new byte[] {1}, 32)).isEqualTo(first);
        assertThat(hkdf.derive(new byte[32], new byte[32], new byte[] {2}, 32)).isNotEqualTo(first);
    }
}
