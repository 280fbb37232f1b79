package dev.benchrun.suites.zp.handshake;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import dev.benchrun.suites.zp.crypto.Hkdf;
import dev.benchrun.suites.zp.handshake.HandshakeCodec.Received;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** Checks shared by both sides: message order, MAC comparison, secret concatenation. */
final class Flights {

    private static final byte[] KNOWN_CONTEXT = "zp1 known_pqc1 ".getBytes(StandardCharsets.US_ASCII);

    private Flights() {}

    static List<Received> expect(byte[] flight, int count) throws ZpException {
        List<Received> messages = HandshakeCodec.decodeFlight(flight);
        if (messages.size() != count) {
            throw new ZpException(Reason.UNEXPECTED_MESSAGE, "expected " + count + " messages, got " + messages.size());
        }
        return messages;
    }

    static <T extends HandshakeMessage> T as(Received received, Class<T> type) throws ZpException {
        if (!type.isInstance(received.message())) {
            throw new ZpException(
                    Reason.UNEXPECTED_MESSAGE,
                    "expected " + type.getSimpleName() + ", got "
                            + received.message().getClass().getSimpleName());
        }
        return type.cast(received.message());
    }

    static void checkMac(byte[] expected, byte[] actual, Reason reason, String what) throws ZpException {
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new ZpException(reason, what + " does not verify");
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        var out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** SPAKE2+ Context: binds the whole ClientHello into TT. */
    static byte[] spakeContext(byte[] clientHelloWire) {
        return concat(KNOWN_CONTEXT, Hkdf.sha256(clientHelloWire));
    }

    /** The binder: HMAC over the hash of the ClientHello whose last 32 bytes (the binder) are zero. */
    static byte[] binder(byte[] psk, byte[] clientHelloWire) {
        byte[] zeroed = clientHelloWire.clone();
        java.util.Arrays.fill(zeroed, zeroed.length - HandshakeCodec.MAC_BYTES, zeroed.length, (byte) 0);
        return Hkdf.hmac(KeySchedule.binderKey(psk), Hkdf.sha256(zeroed));
    }
}
