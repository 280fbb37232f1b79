package dev.benchrun.suites.zp.handshake;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.crypto.PasswordRegistration;
import dev.benchrun.suites.zp.record.AeadSuite;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A client and a server set up for tests, and a driver that runs a handshake between them. */
final class Peers {

    static final SecureRandom RANDOM = new SecureRandom();
    static final byte[] SERVER_ID = ascii("server.example");
    static final byte[] CLIENT_ID = ascii("alice");
    static final PasswordRegistration.Registration ALICE = PasswordRegistration.register(
            ascii("correct horse battery staple"), CLIENT_ID, SERVER_ID, ascii("salt-alice"), 1000);

    final ClientConfig client = new ClientConfig(List.of(AeadSuite.CHACHA20_POLY1305, AeadSuite.AES_256_GCM), RANDOM);
    final TokenSealer tokens;
    final ServerConfig server;

    Peers() {
        this(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    Peers(Clock clock) {
        var key = new byte[32];
        RANDOM.nextBytes(key);
        tokens = new TokenSealer(List.of(new TokenSealer.TokenKey(7, key)), clock, RANDOM);
        server = new ServerConfig(
                SERVER_ID,
                List.of(AeadSuite.AES_256_GCM, AeadSuite.CHACHA20_POLY1305),
                Map.of("alice", ALICE.verifier()),
                tokens,
                RANDOM);
    }

    /** Both sides' results of one completed handshake. */
    record Result(SessionSecrets client, SessionSecrets server) {}

    static Result run(ClientHandshake client, ServerHandshake server) throws ZpException {
        return run(client, server, 3, UnaryOperator.identity());
    }

    /** Runs the three flights, passing flight {@code tampered} (0, 1 or 2) through {@code change}. */
    static Result run(ClientHandshake client, ServerHandshake server, int tampered, UnaryOperator<byte[]> change)
            throws ZpException {
        byte[] hello = client.hello();
        byte[] serverFlight = server.receive(tampered == 0 ? change.apply(hello) : hello);
        byte[] clientFlight = client.receive(tampered == 1 ? change.apply(serverFlight) : serverFlight);
        server.finish(tampered == 2 ? change.apply(clientFlight) : clientFlight);
        return new Result(client.secrets(), server.secrets());
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
