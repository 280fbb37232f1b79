package dev.benchrun.suites.zp.bench;

import dev.benchrun.suites.zp.crypto.PasswordRegistration;
import dev.benchrun.suites.zp.handshake.ClientConfig;
import dev.benchrun.suites.zp.handshake.ServerConfig;
import dev.benchrun.suites.zp.handshake.TokenSealer;
import dev.benchrun.suites.zp.record.AeadSuite;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A client and server configured as a deployment would be, shared by the zp benchmarks. */
final class BenchPeers {

    static final byte[] SERVER_ID = ascii("bench.server");
    static final byte[] CLIENT_ID = ascii("bench.client");

    final SecureRandom random = new SecureRandom();
    final ClientConfig client = new ClientConfig(List.of(AeadSuite.AES_256_GCM, AeadSuite.CHACHA20_POLY1305), random);
    final TokenSealer tokens;
    final ServerConfig server;
    final PasswordRegistration.Registration registration;

    BenchPeers() {
        var tokenKey = new byte[32];
        random.nextBytes(tokenKey);
        tokens = new TokenSealer(List.of(new TokenSealer.TokenKey(1, tokenKey)), Clock.systemUTC(), random);
        // The spec's minimum work factor: registration runs once, in setup, never in a measured op.
        registration = PasswordRegistration.register(
                ascii("benchmark password"),
                CLIENT_ID,
                SERVER_ID,
                ascii("bench-salt"),
                PasswordRegistration.MIN_ITERATIONS);
        server = new ServerConfig(
                SERVER_ID,
                List.of(AeadSuite.AES_256_GCM, AeadSuite.CHACHA20_POLY1305),
                Map.of(new String(CLIENT_ID, StandardCharsets.UTF_8), registration.verifier()),
                tokens,
                random);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
