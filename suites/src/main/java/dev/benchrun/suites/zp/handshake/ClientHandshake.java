package dev.benchrun.suites.zp.handshake;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import dev.benchrun.suites.zp.crypto.Hkdf;
import dev.benchrun.suites.zp.crypto.MlKem768;
import dev.benchrun.suites.zp.crypto.PasswordRegistration.ProverSecrets;
import dev.benchrun.suites.zp.crypto.Spake2Plus;
import dev.benchrun.suites.zp.crypto.X25519Exchange;
import dev.benchrun.suites.zp.handshake.HandshakeCodec.Received;
import dev.benchrun.suites.zp.handshake.HandshakeMessage.ClientHello;
import dev.benchrun.suites.zp.handshake.HandshakeMessage.Confirm;
import dev.benchrun.suites.zp.handshake.HandshakeMessage.Finished;
import dev.benchrun.suites.zp.handshake.HandshakeMessage.ServerHello;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The client side of one handshake: {@link #hello()}, then {@link #receive(byte[])} once. */
public final class ClientHandshake {

    private final ClientConfig config;
    private final Mode mode;
    private final byte[] psk;
    private final ProverSecrets prover;
    private final byte[] serverIdentity;
    private final ResumptionTicket ticket;
    private final Transcript transcript = new Transcript();

    private X25519Exchange x25519;
    private MlKem768 kem;
    private BigInteger x;
    private byte[] shareP;
    private byte[] helloWire;
    private SessionSecrets secrets;

    private ClientHandshake(
            ClientConfig config,
            Mode mode,
            byte[] psk,
            ProverSecrets prover,
            byte[] serverIdentity,
            ResumptionTicket ticket) {
        this.config = config;
        this.mode = mode;
        this.psk = psk;
        this.prover = prover;
        this.serverIdentity = serverIdentity;
        this.ticket = ticket;
    }

    public static ClientHandshake strangerClassical(ClientConfig config) {
        return new ClientHandshake(config, Mode.STRANGER_CLASSICAL, KeySchedule.ZEROS, null, null, null);
    }

    public static ClientHandshake strangerPqc1(ClientConfig config) {
        return new ClientHandshake(config, Mode.STRANGER_PQC1, KeySchedule.ZEROS, null, null, null);
    }

    /** A full pqc1 handshake inside an established connection, bound to it by its re-handshake secret. */
    public static ClientHandshake rehandshake(ClientConfig config, byte[] rehandshakeSecret) {
        return new ClientHandshake(config, Mode.STRANGER_PQC1, rehandshakeSecret.clone(), null, null, null);
    }

    public static ClientHandshake knownPqc1(ClientConfig config, ProverSecrets prover, byte[] serverIdentity) {
        return new ClientHandshake(config, Mode.KNOWN_PQC1, KeySchedule.ZEROS, prover, serverIdentity.clone(), null);
    }

    public static ClientHandshake resume(ClientConfig config, ResumptionTicket ticket) {
        return new ClientHandshake(config, Mode.RESUME, ticket.psk(), null, null, ticket);
    }

    /** The ClientHello. */
    public byte[] hello() {
        if (helloWire != null) {
            throw new IllegalStateException("hello() was already called");
        }
        var random = new byte[HandshakeCodec.RANDOM_BYTES];
        config.random().nextBytes(random);
        var aeads = mode == Mode.RESUME ? List.of(ticket.aead()) : config.aeads();
        List<byte[]> fields = new ArrayList<>();
        switch (mode) {
            case STRANGER_CLASSICAL -> {
                x25519 = new X25519Exchange(config.random());
                fields.add(x25519.publicKey());
            }
            case STRANGER_PQC1 -> {
                x25519 = new X25519Exchange(config.random());
                kem = new MlKem768(config.random());
                fields.add(x25519.publicKey());
                fields.add(kem.publicKey());
            }
            case KNOWN_PQC1 -> {
                x = Spake2Plus.randomScalar(config.random());
                shareP = Spake2Plus.shareP(x, prover.w0());
                kem = new MlKem768(config.random());
                fields.add(prover.identity());
                fields.add(shareP);
                fields.add(kem.publicKey());
            }
            case RESUME -> {
                fields.add(ticket.token());
                fields.add(new byte[HandshakeCodec.MAC_BYTES]);
            }
        }
        var hello = new ClientHello(HandshakeCodec.VERSION, mode, random, aeads, fields);
        helloWire = HandshakeCodec.encode(hello);
        if (mode == Mode.RESUME) {
            fields.set(1, Flights.binder(psk, helloWire));
            helloWire = HandshakeCodec.encode(new ClientHello(HandshakeCodec.VERSION, mode, random, aeads, fields));
        }
        transcript.add(helloWire);
        return helloWire.clone();
    }

    /** Processes the server's flight and returns the client's last flight; the keys are then ready. */
    public byte[] receive(byte[] serverFlight) throws ZpException {
        if (helloWire == null || secrets != null) {
            throw new IllegalStateException("receive() comes once, after hello()");
        }
        List<Received> messages = Flights.expect(serverFlight, mode == Mode.KNOWN_PQC1 ? 3 : 2);
        ServerHello sh = Flights.as(messages.get(0), ServerHello.class);
        if (sh.version() != HandshakeCodec.VERSION) {
            throw new ZpException(Reason.UNSUPPORTED_VERSION, "server speaks version " + sh.version());
        }
        if (sh.mode() != mode || !(mode == Mode.RESUME ? List.of(ticket.aead()) : config.aeads()).contains(sh.aead())) {
            throw new ZpException(Reason.HANDSHAKE_MALFORMED, "server answered with a mode or AEAD not offered");
        }
        transcript.add(messages.get(0).wire());
        Spake2Plus.Outcome spake = null;
        byte[] ikm;
        switch (mode) {
            case STRANGER_CLASSICAL -> ikm = x25519.agree(sh.fields().get(0));
            case STRANGER_PQC1 ->
                ikm = Flights.concat(
                        kem.decapsulate(sh.fields().get(1)),
                        x25519.agree(sh.fields().get(0)));
            case KNOWN_PQC1 -> {
                spake = Spake2Plus.prover(
                        Flights.spakeContext(helloWire),
                        prover.identity(),
                        serverIdentity,
                        prover.w0(),
                        prover.w1(),
                        x,
                        shareP,
                        sh.fields().get(0));
                Confirm confirmV = Flights.as(messages.get(1), Confirm.class);
                Flights.checkMac(spake.confirmV(), confirmV.mac(), Reason.AUTHENTICATION_FAILED, "SPAKE2+ confirmV");
                transcript.add(messages.get(1).wire());
                ikm = Flights.concat(
                        spake.kShared(), kem.decapsulate(sh.fields().get(1)));
            }
            default -> ikm = KeySchedule.ZEROS;
        }
        var keys = new KeySchedule(psk, ikm);
        Received last = messages.get(messages.size() - 1);
        Finished serverFinished = Flights.as(last, Finished.class);
        Flights.checkMac(
                Hkdf.hmac(keys.serverFinishedKey(), transcript.hash()),
                serverFinished.mac(),
                Reason.BAD_FINISHED,
                "server Finished");
        transcript.add(last.wire());
        byte[] trafficHash = transcript.hash();

        List<byte[]> flight = new ArrayList<>();
        if (spake != null) {
            flight.add(HandshakeCodec.encode(new Confirm(spake.confirmP())));
            transcript.add(flight.get(0));
        }
        byte[] finished = HandshakeCodec.encode(new Finished(Hkdf.hmac(keys.clientFinishedKey(), transcript.hash())));
        flight.add(finished);
        transcript.add(finished);
        byte[] fullHash = transcript.hash();
        secrets = new SessionSecrets(
                mode == Mode.RESUME ? ticket.mode() : mode,
                sh.aead(),
                mode == Mode.KNOWN_PQC1 ? prover.identity() : mode == Mode.RESUME ? ticket.identity() : new byte[0],
                keys.fromMaster("c ap", trafficHash),
                keys.fromMaster("s ap", trafficHash),
                keys.fromMaster("res", fullHash),
                keys.fromMaster("rehandshake", fullHash));
        return HandshakeCodec.flight(flight.toArray(byte[][]::new));
    }

    /** The handshake's result; only after {@link #receive(byte[])} succeeded. */
    public SessionSecrets secrets() {
        if (secrets == null) {
            throw new IllegalStateException("the handshake has not completed");
        }
        return secrets;
    }
}
