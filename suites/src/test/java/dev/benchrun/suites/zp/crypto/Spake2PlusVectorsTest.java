package dev.benchrun.suites.zp.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchrun.suites.zp.ZpException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 9383 Appendix C, suite SPAKE2+-P256-SHA256-HKDF-SHA256-HMAC-SHA256. */
class Spake2PlusVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static JsonNode vector;

    @BeforeAll
    static void load() throws IOException {
        Path file = Path.of(System.getProperty("benchrun.vectors"), "rfc9383-spake2plus-p256.json");
        for (JsonNode v : new ObjectMapper().readTree(file.toFile()).get("vectors")) {
            if (v.get("ciphersuite").asText().equals("SPAKE2+-P256-SHA256-HKDF-SHA256-HMAC-SHA256")) {
                vector = v;
            }
        }
        assertThat(vector).isNotNull();
    }

    @Test
    void sharesMatch() {
        assertThat(Spake2Plus.shareP(scalar("x"), scalar("w0"))).isEqualTo(bytes("shareP"));
        assertThat(Spake2Plus.shareV(scalar("y"), scalar("w0"))).isEqualTo(bytes("shareV"));
        assertThat(Spake2Plus.verifierPoint(scalar("w1"))).isEqualTo(bytes("L"));
    }

    @Test
    void proverReproducesEveryValue() throws ZpException {
        var o = Spake2Plus.prover(
                text("context"),
                text("idProver"),
                text("idVerifier"),
                scalar("w0"),
                scalar("w1"),
                scalar("x"),
                bytes("shareP"),
                bytes("shareV"));
        assertOutcome(o);
    }

    @Test
    void verifierReproducesEveryValue() throws ZpException {
        var o = Spake2Plus.verifier(
                text("context"),
                text("idProver"),
                text("idVerifier"),
                scalar("w0"),
                bytes("L"),
                scalar("y"),
                bytes("shareP"),
                bytes("shareV"));
        assertOutcome(o);
    }

    @Test
    void randomRunsAgreeAndAWrongPasswordDoesNot() throws ZpException {
        var random = new SecureRandom();
        byte[] salt = new byte[16];
        var right = PasswordRegistration.register(text("correct horse"), text("alice"), text("server"), salt, 1000);
        var wrong = PasswordRegistration.register(text("correct hoarse"), text("alice"), text("server"), salt, 1000);
        BigInteger x = Spake2Plus.randomScalar(random);
        BigInteger y = Spake2Plus.randomScalar(random);
        var v = right.verifier();
        for (var prover : new PasswordRegistration.ProverSecrets[] {right.prover(), wrong.prover()}) {
            byte[] shareP = Spake2Plus.shareP(x, prover.w0());
            byte[] shareV = Spake2Plus.shareV(y, v.w0());
            var p = Spake2Plus.prover(
                    text("c"), text("alice"), text("server"), prover.w0(), prover.w1(), x, shareP, shareV);
            var s = Spake2Plus.verifier(text("c"), text("alice"), text("server"), v.w0(), v.l(), y, shareP, shareV);
            assertThat(java.util.Arrays.equals(p.kShared(), s.kShared())).isEqualTo(prover == right.prover());
            assertThat(java.util.Arrays.equals(p.confirmV(), s.confirmV())).isEqualTo(prover == right.prover());
        }
    }

    @Test
    void pointsOffTheCurveAreRefused() {
        byte[] bad = bytes("shareV");
        bad[64] ^= 1;
        assertThatThrownBy(() -> Spake2Plus.prover(
                        text("c"), text("a"), text("b"), scalar("w0"), scalar("w1"), scalar("x"), bytes("shareP"), bad))
                .isInstanceOf(ZpException.class);
        assertThatThrownBy(() -> Spake2Plus.decode(new byte[65])).isInstanceOf(ZpException.class);
    }

    private static void assertOutcome(Spake2Plus.Outcome o) {
        assertThat(o.z()).isEqualTo(bytes("Z"));
        assertThat(o.v()).isEqualTo(bytes("V"));
        assertThat(o.tt()).isEqualTo(bytes("TT"));
        assertThat(o.kMain()).isEqualTo(bytes("K_main"));
        assertThat(o.kConfirmP()).isEqualTo(bytes("K_confirmP"));
        assertThat(o.kConfirmV()).isEqualTo(bytes("K_confirmV"));
        assertThat(o.confirmP()).isEqualTo(bytes("confirmP"));
        assertThat(o.confirmV()).isEqualTo(bytes("confirmV"));
        assertThat(o.kShared()).isEqualTo(bytes("K_shared"));
    }

    private static byte[] bytes(String field) {
        return HEX.parseHex(vector.get(field).asText());
    }

    private static BigInteger scalar(String field) {
        return new BigInteger(1, bytes(field));
    }

    private static byte[] text(String fieldOrLiteral) {
        JsonNode node = vector.get(fieldOrLiteral);
        return (node == null ? fieldOrLiteral : node.asText()).getBytes(StandardCharsets.US_ASCII);
    }
}
