package dev.benchrun.suites.zp.handshake;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import dev.benchrun.suites.zp.crypto.Hkdf;
import dev.benchrun.suites.zp.crypto.MlKem768;
import dev.benchrun.suites.zp.crypto.PasswordRegistration.VerifierRecord;
import dev.benchrun.suites.zp.crypto.Spake2Plus;
import dev.benchrun.suites.zp.crypto.X25519Exchange;
import dev.benchrun.suites.zp.handshake.HandshakeCodec.Received;
import dev.benchrun.suites.zp.handshake.HandshakeMessage.ClientHello;
import dev.benchrun.suites.zp.handshake.HandshakeMessage.Confirm;
import dev.benchrun.suites.zp.handshake.HandshakeMessage.Finished;
import dev.benchrun.suites.zp.handshake.HandshakeMessage.ServerHello;
import dev.benchrun.suites.zp.record.AeadSuite;
import java.util.ArrayList;
import java.util.List;

/** The server side of one handshake: {@link #receive(byte[])}, then {@link #finish(byte[])}. */
public final class ServerHandshake {

    private final ServerConfig config;
    private final byte[] rehandshakeSecret;
    private final Transcript transcript = new Transcript();

    private Mode mode;
    private AeadSuite aead;
    private byte[] identity = new byte[0];
    private byte[] expectedConfirmP;
    private KeySchedule keys;
    private byte[] trafficHash;
    private SessionSecrets secrets;

    public ServerHandshake(ServerConfig config) {
        this(config, null);
    }

    private ServerHandshake(ServerConfig config, byte[] rehandshakeSecret) {
        this.config = config;
        this.rehandshakeSecret = rehandshakeSecret;
    }

    /** A re-handshake inside an established connection: only a stranger pqc1 exchange, bound to that connection. */
    public static ServerHandshake rehandshake(ServerConfig config, byte[] rehandshakeSecret) {
        return new ServerHandshake(config, rehandshakeSecret.clone());
    }

    /** Processes the ClientHello and returns the server's flight. */
    public byte[] receive(byte[] clientFlight) throws ZpException {
        if (keys != null) {
            throw new IllegalStateException("receive() comes once");
        }
        Received received = Flights.expect(clientFlight, 1).get(0);
        ClientHello ch = Flights.as(received, ClientHello.class);
        if (ch.version() != HandshakeCodec.VERSION) {
            throw new ZpException(Reason.UNSUPPORTED_VERSION, "client speaks version " + ch.version());
        }
        mode = ch.mode();
        if (rehandshakeSecret != null && mode != Mode.STRANGER_PQC1) {
            throw new ZpException(Reason.UNEXPECTED_MESSAGE, "a re-handshake must use stranger pqc1, not " + mode);
        }
        byte[] psk = rehandshakeSecret != null ? rehandshakeSecret : KeySchedule.ZEROS;
        List<byte[]> f = ch.fields();
        List<byte[]> fields = new ArrayList<>();
        byte[] confirmV = null;
        byte[] ikm;
        Mode sessionMode = mode;
        switch (mode) {
            case STRANGER_CLASSICAL -> {
                aead = choose(ch.aeads());
                var x25519 = new X25519Exchange(config.random());
                ikm = x25519.agree(f.get(0));
                fields.add(x25519.publicKey());
            }
            case STRANGER_PQC1 -> {
                aead = choose(ch.aeads());
                var x25519 = new X25519Exchange(config.random());
                byte[] dh = x25519.agree(f.get(0));
                var kem = MlKem768.encapsulate(f.get(1), config.random());
                ikm = Flights.concat(kem.secret(), dh);
                fields.add(x25519.publicKey());
                fields.add(kem.ciphertext());
            }
            case KNOWN_PQC1 -> {
                aead = choose(ch.aeads());
                VerifierRecord verifier = config.verifier(f.get(0));
                if (verifier == null) {
                    throw new ZpException(Reason.UNKNOWN_IDENTITY, "no password registered for this client");
                }
                identity = f.get(0);
                var y = Spake2Plus.randomScalar(config.random());
                byte[] shareV = Spake2Plus.shareV(y, verifier.w0());
                var spake = Spake2Plus.verifier(
                        Flights.spakeContext(received.wire()),
                        identity,
                        config.identity(),
                        verifier.w0(),
                        verifier.l(),
                        y,
                        f.get(1),
                        shareV);
                var kem = MlKem768.encapsulate(f.get(2), config.random());
                ikm = Flights.concat(spake.kShared(), kem.secret());
                expectedConfirmP = spake.confirmP();
                confirmV = spake.confirmV();
                fields.add(shareV);
                fields.add(kem.ciphertext());
            }
            default -> {
                StateToken token = config.tokens().open(f.get(0));
                psk = token.psk();
                Flights.checkMac(
                        Flights.binder(psk, received.wire()),
                        f.get(1),
                        Reason.AUTHENTICATION_FAILED,
                        "resumption binder");
                if (!ch.aeads().contains(token.aead())) {
                    throw new ZpException(Reason.NO_COMMON_AEAD, "client did not offer the token's AEAD");
                }
                aead = token.aead();
                identity = token.identity();
                sessionMode = token.mode();
                ikm = KeySchedule.ZEROS;
            }
        }
        transcript.add(received.wire());
        var random = new byte[HandshakeCodec.RANDOM_BYTES];
        config.random().nextBytes(random);
        List<byte[]> flight = new ArrayList<>();
        flight.add(HandshakeCodec.encode(new ServerHello(HandshakeCodec.VERSION, mode, random, aead, fields)));
        if (confirmV != null) {
            flight.add(HandshakeCodec.encode(new Confirm(confirmV)));
        }
        flight.forEach(transcript::add);
        keys = new KeySchedule(psk, ikm);
        byte[] finished = HandshakeCodec.encode(new Finished(Hkdf.hmac(keys.serverFinishedKey(), transcript.hash())));
        flight.add(finished);
        transcript.add(finished);
        trafficHash = transcript.hash();
        mode = sessionMode;
        return HandshakeCodec.flight(flight.toArray(byte[][]::new));
    }

    /** Checks the client's last flight; the keys are then ready. */
    public void finish(byte[] clientFlight) throws ZpException {
        if (keys == null || secrets != null) {
            throw new IllegalStateException("finish() comes once, after receive()");
        }
        List<Received> messages = Flights.expect(clientFlight, expectedConfirmP != null ? 2 : 1);
        if (expectedConfirmP != null) {
            Confirm confirmP = Flights.as(messages.get(0), Confirm.class);
            Flights.checkMac(expectedConfirmP, confirmP.mac(), Reason.AUTHENTICATION_FAILED, "SPAKE2+ confirmP");
            transcript.add(messages.get(0).wire());
        }
        Received last = messages.get(messages.size() - 1);
        Finished finished = Flights.as(last, Finished.class);
        Flights.checkMac(
                Hkdf.hmac(keys.clientFinishedKey(), transcript.hash()),
                finished.mac(),
                Reason.BAD_FINISHED,
                "client Finished");
        transcript.add(last.wire());
        byte[] fullHash = transcript.hash();
        secrets = new SessionSecrets(
                mode,
                aead,
                identity,
                keys.fromMaster("c ap", trafficHash),
                keys.fromMaster("s ap", trafficHash),
                keys.fromMaster("res", fullHash),
                keys.fromMaster("rehandshake", fullHash));
    }

    /** The handshake's result; only after {@link #finish(byte[])} succeeded. */
    public SessionSecrets secrets() {
        if (secrets == null) {
            throw new IllegalStateException("the handshake has not completed");
        }
        return secrets;
    }

    /** The server's most preferred AEAD that the client offered. */
    private AeadSuite choose(List<AeadSuite> offered) throws ZpException {
        for (AeadSuite suite : config.aeads()) {
            if (offered.contains(suite)) {
                return suite;
            }
        }
        throw new ZpException(Reason.NO_COMMON_AEAD, "client offered none of " + config.aeads());
    }
}
