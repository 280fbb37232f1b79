package dev.benchrun.suites.zp.handshake;

import dev.benchrun.suites.zp.crypto.PasswordRegistration.VerifierRecord;
import dev.benchrun.suites.zp.record.AeadSuite;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * The server's settings: its identity (SPAKE2+ idVerifier), AEAD preference, the password
 * verifiers of the clients it knows (by identity) and the key that seals its state tokens.
 */
public record ServerConfig(
        byte[] identity,
        List<AeadSuite> aeads,
        Map<String, VerifierRecord> verifiers,
        TokenSealer tokens,
        SecureRandom random) {
    public ServerConfig {
        aeads = List.copyOf(aeads);
        verifiers = Map.copyOf(verifiers);
    }

    VerifierRecord verifier(byte[] clientIdentity) {
        return verifiers.get(new String(clientIdentity, StandardCharsets.UTF_8));
    }
}
