package dev.benchrun.suites.zp.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import dev.benchrun.suites.zp.crypto.PasswordRegistration;
import dev.benchrun.suites.zp.record.AeadSuite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HandshakeTest {

    private final Peers peers = new Peers();

    private ClientHandshake client(Mode mode) throws ZpException {
        return switch (mode) {
            case STRANGER_CLASSICAL -> ClientHandshake.strangerClassical(peers.client);
            case STRANGER_PQC1 -> ClientHandshake.strangerPqc1(peers.client);
            case KNOWN_PQC1 -> ClientHandshake.knownPqc1(peers.client, Peers.ALICE.prover(), Peers.SERVER_ID);
            case RESUME -> ClientHandshake.resume(peers.client, ticket());
        };
    }

    private ResumptionTicket ticket() throws ZpException {
        var full = Peers.run(
                ClientHandshake.knownPqc1(peers.client, Peers.ALICE.prover(), Peers.SERVER_ID),
                new ServerHandshake(peers.server));
        return ResumptionTicket.of(peers.tokens.issue(full.server(), 3600), full.client());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void bothSidesDeriveTheSameSecrets(Mode mode) throws ZpException {
        var result = Peers.run(client(mode), new ServerHandshake(peers.server));
        assertSameSecrets(result);
        assertThat(result.client().aead()).isEqualTo(AeadSuite.AES_256_GCM); // the server's preference
        assertThat(result.client().mode()).isEqualTo(mode == Mode.RESUME ? Mode.KNOWN_PQC1 : mode);
    }

    @Test
    void twoHandshakesNeverShareKeys() throws ZpException {
        var a = Peers.run(client(Mode.STRANGER_PQC1), new ServerHandshake(peers.server));
        var b = Peers.run(client(Mode.STRANGER_PQC1), new ServerHandshake(peers.server));
        assertThat(a.client().clientTraffic()).isNotEqualTo(b.client().clientTraffic());
    }

    @Test
    void knownModeNamesTheClient() throws ZpException {
        var result = Peers.run(client(Mode.KNOWN_PQC1), new ServerHandshake(peers.server));
        assertThat(result.server().identity()).isEqualTo(Peers.CLIENT_ID);
    }

    /** Every tampered byte of every flight ends the handshake with a ZpException, never anything else. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void tamperingAnyFlightFailsWithAProtocolError(Mode mode) throws ZpException {
        List<String> accepted = new ArrayList<>();
        int[] lengths = new int[3];
        for (int flight = 0; flight < 3; flight++) {
            int f = flight;
            Peers.run(client(mode), new ServerHandshake(peers.server), flight, bytes -> {
                lengths[f] = bytes.length;
                return bytes;
            });
        }
        for (int flight = 0; flight < 3; flight++) {
            int length = lengths[flight];
            for (int at = 0; at < length; at += at < 80 ? 1 : 53) {
                int position = at;
                int f = flight;
                assertThat(position).isLessThan(length);
                try {
                    Peers.run(client(mode), new ServerHandshake(peers.server), flight, bytes -> flip(bytes, position));
                    accepted.add("flight " + f + " byte " + position);
                } catch (ZpException expected) {
                    assertThat(expected.reason()).isNotNull();
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void truncatedAndExtendedFlightsFail() throws ZpException {
        for (int flight = 0; flight < 3; flight++) {
            int f = flight;
            assertThatThrownBy(() -> Peers.run(
                            client(Mode.STRANGER_PQC1),
                            new ServerHandshake(peers.server),
                            f,
                            b -> java.util.Arrays.copyOf(b, b.length - 1)))
                    .isInstanceOf(ZpException.class);
            assertThatThrownBy(() -> Peers.run(
                            client(Mode.STRANGER_PQC1),
                            new ServerHandshake(peers.server),
                            f,
                            b -> java.util.Arrays.copyOf(b, b.length + 1)))
                    .isInstanceOf(ZpException.class);
        }
    }

    @Test
    void aWrongPasswordFailsAuthentication() {
        var mallory = PasswordRegistration.register(
                Peers.ascii("password1"), Peers.CLIENT_ID, Peers.SERVER_ID, Peers.ascii("salt-alice"), 1000);
        assertReason(
                () -> Peers.run(
                        ClientHandshake.knownPqc1(peers.client, mallory.prover(), Peers.SERVER_ID),
                        new ServerHandshake(peers.server)),
                Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void anUnknownClientIsRefused() {
        var bob = PasswordRegistration.register(
                Peers.ascii("pw"), Peers.ascii("bob"), Peers.SERVER_ID, new byte[8], 1000);
        assertReason(
                () -> Peers.run(
                        ClientHandshake.knownPqc1(peers.client, bob.prover(), Peers.SERVER_ID),
                        new ServerHandshake(peers.server)),
                Reason.UNKNOWN_IDENTITY);
    }

    @Test
    void noCommonAeadIsRefused() {
        var server = new ServerConfig(
                Peers.SERVER_ID, List.of(AeadSuite.AES_256_GCM), peers.server.verifiers(), peers.tokens, Peers.RANDOM);
        var client = new ClientConfig(List.of(AeadSuite.CHACHA20_POLY1305), Peers.RANDOM);
        assertReason(
                () -> Peers.run(ClientHandshake.strangerClassical(client), new ServerHandshake(server)),
                Reason.NO_COMMON_AEAD);
    }

    @Test
    void tokensAreSmallExpireAndResistForgery() throws ZpException {
        var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var issuing = new Peers(clock);
        var full = Peers.run(
                ClientHandshake.knownPqc1(issuing.client, Peers.ALICE.prover(), Peers.SERVER_ID),
                new ServerHandshake(issuing.server));
        byte[] token = issuing.tokens.issue(full.server(), 3600);
        // key id, nonce, tag + version, mode, aead, issued, lifetime, identity length, identity, psk
        assertThat(token).hasSize(TokenSealer.OVERHEAD + 1 + 1 + 1 + 8 + 4 + 1 + Peers.CLIENT_ID.length + 32);
        assertThat(issuing.tokens.open(token).identity()).isEqualTo(Peers.CLIENT_ID);

        byte[] forged = token.clone();
        forged[20] ^= 1;
        assertReason(() -> issuing.tokens.open(forged), Reason.BAD_TOKEN);
        var otherServer = new Peers(clock);
        assertReason(() -> otherServer.tokens.open(token), Reason.BAD_TOKEN);

        var ticket = ResumptionTicket.of(token, full.client());
        var stolen = new ResumptionTicket(token, new byte[32], ticket.aead(), ticket.mode(), ticket.identity());
        assertReason(
                () -> Peers.run(ClientHandshake.resume(issuing.client, stolen), new ServerHandshake(issuing.server)),
                Reason.AUTHENTICATION_FAILED);

        clock.now = clock.now.plus(Duration.ofSeconds(3599));
        assertSameSecrets(
                Peers.run(ClientHandshake.resume(issuing.client, ticket), new ServerHandshake(issuing.server)));
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertReason(
                () -> Peers.run(ClientHandshake.resume(issuing.client, ticket), new ServerHandshake(issuing.server)),
                Reason.TOKEN_EXPIRED);
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static byte[] flip(byte[] bytes, int position) {
        byte[] copy = bytes.clone();
        copy[position] ^= 0x01;
        return copy;
    }

    private static void assertSameSecrets(Peers.Result r) {
        assertThat(r.client().clientTraffic()).isEqualTo(r.server().clientTraffic());
        assertThat(r.client().serverTraffic()).isEqualTo(r.server().serverTraffic());
        assertThat(r.client().resumption()).isEqualTo(r.server().resumption());
        assertThat(r.client().rehandshake()).isEqualTo(r.server().rehandshake());
        assertThat(r.client().aead()).isEqualTo(r.server().aead());
        assertThat(r.client().clientTraffic()).isNotEqualTo(r.client().serverTraffic());
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ZpException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
