package dev.benchrun.suites.zp.handshake;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import dev.benchrun.suites.zp.handshake.HandshakeMessage.ClientHello;
import dev.benchrun.suites.zp.handshake.HandshakeMessage.Confirm;
import dev.benchrun.suites.zp.handshake.HandshakeMessage.Finished;
import dev.benchrun.suites.zp.handshake.HandshakeMessage.ServerHello;
import dev.benchrun.suites.zp.record.AeadSuite;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** The handshake wire format: type (1) | length (3) | body, several messages to a flight. */
public final class HandshakeCodec {

    public static final int HEADER_BYTES = 4;
    public static final int RANDOM_BYTES = 32;
    public static final int MAC_BYTES = 32;
    public static final int VERSION = 1;
    private static final int MAX_AEADS = 16;

    private HandshakeCodec() {}

    /** A decoded message with the exact bytes it arrived as, which is what the transcript hashes. */
    public record Received(HandshakeMessage message, byte[] wire) {}

    public static byte[] encode(HandshakeMessage message) {
        var body = new ByteArrayOutputStream();
        int type;
        // Java 17 has no pattern switch over a sealed interface, so the shapes are tested in turn.
        if (message instanceof ClientHello ch) {
            body.write(ch.version());
            body.write(ch.mode().code());
            body.writeBytes(ch.random());
            body.write(ch.aeads().size());
            ch.aeads().forEach(a -> body.write(a.code()));
            ch.fields().forEach(f -> writeField(body, f));
            type = HandshakeMessage.CLIENT_HELLO;
        } else if (message instanceof ServerHello sh) {
            body.write(sh.version());
            body.write(sh.mode().code());
            body.writeBytes(sh.random());
            body.write(sh.aead().code());
            sh.fields().forEach(f -> writeField(body, f));
            type = HandshakeMessage.SERVER_HELLO;
        } else if (message instanceof Confirm c) {
            body.writeBytes(c.mac());
            type = HandshakeMessage.CONFIRM;
        } else {
            body.writeBytes(((Finished) message).mac());
            type = HandshakeMessage.FINISHED;
        }
        int length = body.size();
        var out = new ByteArrayOutputStream(HEADER_BYTES + length);
        out.write(type);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** Concatenates messages into one flight. */
    public static byte[] flight(byte[]... messages) {
        var out = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            out.writeBytes(m);
        }
        return out.toByteArray();
    }

    /** Decodes a whole flight; any byte that is not part of a well-formed message is an error. */
    public static List<Received> decodeFlight(byte[] flight) throws ZpException {
        var in = ByteBuffer.wrap(flight);
        var messages = new ArrayList<Received>();
        while (in.hasRemaining()) {
            messages.add(decodeOne(in));
        }
        return messages;
    }

    private static Received decodeOne(ByteBuffer in) throws ZpException {
        int start = in.position();
        if (in.remaining() < HEADER_BYTES) {
            throw malformed("fewer than 4 header bytes");
        }
        int type = in.get() & 0xFF;
        int length = (in.get() & 0xFF) << 16 | (in.get() & 0xFF) << 8 | in.get() & 0xFF;
        if (in.remaining() < length) {
            throw malformed("message shorter than its length field");
        }
        var body = in.slice(in.position(), length);
        in.position(in.position() + length);
        byte[] wire = new byte[HEADER_BYTES + length];
        in.get(start, wire);
        try {
            HandshakeMessage message = switch (type) {
                case HandshakeMessage.CLIENT_HELLO -> clientHello(body);
                case HandshakeMessage.SERVER_HELLO -> serverHello(body);
                case HandshakeMessage.CONFIRM -> new Confirm(mac(body));
                case HandshakeMessage.FINISHED -> new Finished(mac(body));
                default -> throw malformed("unknown message type " + type);
            };
            if (body.hasRemaining()) {
                throw malformed(body.remaining() + " bytes after the message body");
            }
            return new Received(message, wire);
        } catch (BufferUnderflowException e) {
            throw new ZpException(Reason.HANDSHAKE_MALFORMED, "message body ends early", e);
        }
    }

    private static ClientHello clientHello(ByteBuffer body) throws ZpException {
        int version = body.get() & 0xFF;
        Mode mode = mode(body.get());
        byte[] random = bytes(body, RANDOM_BYTES);
        int count = body.get() & 0xFF;
        if (count == 0 || count > MAX_AEADS) {
            throw malformed("AEAD list of " + count + " entries");
        }
        var aeads = new ArrayList<AeadSuite>();
        for (int i = 0; i < count; i++) {
            // Unknown codes are skipped, so a newer client can offer suites this peer lacks.
            AeadSuite suite = AeadSuite.fromCode(body.get() & 0xFF);
            if (suite != null && !aeads.contains(suite)) {
                aeads.add(suite);
            }
        }
        return new ClientHello(version, mode, random, aeads, fields(body, mode, true));
    }

    private static ServerHello serverHello(ByteBuffer body) throws ZpException {
        int version = body.get() & 0xFF;
        Mode mode = mode(body.get());
        byte[] random = bytes(body, RANDOM_BYTES);
        AeadSuite aead = AeadSuite.fromCode(body.get() & 0xFF);
        if (aead == null) {
            throw malformed("server chose an unknown AEAD");
        }
        return new ServerHello(version, mode, random, aead, fields(body, mode, false));
    }

    private static List<byte[]> fields(ByteBuffer body, Mode mode, boolean client) throws ZpException {
        var fields = new ArrayList<byte[]>();
        for (int[] range : mode.fields(client)) {
            int length = body.getShort() & 0xFFFF;
            if (length < range[0] || length > range[1]) {
                throw malformed(mode + " field " + fields.size() + " has " + length + " bytes, allowed " + range[0]
                        + ".." + range[1]);
            }
            fields.add(bytes(body, length));
        }
        return fields;
    }

    private static Mode mode(byte code) throws ZpException {
        Mode mode = Mode.fromCode(code & 0xFF);
        if (mode == null) {
            throw malformed("unknown mode " + (code & 0xFF));
        }
        return mode;
    }

    private static byte[] mac(ByteBuffer body) {
        return bytes(body, MAC_BYTES);
    }

    private static byte[] bytes(ByteBuffer body, int n) {
        var out = new byte[n];
        body.get(out);
        return out;
    }

    private static void writeField(ByteArrayOutputStream out, byte[] field) {
        out.write(field.length >>> 8);
        out.write(field.length);
        out.writeBytes(field);
    }

    private static ZpException malformed(String why) {
        return new ZpException(Reason.HANDSHAKE_MALFORMED, why);
    }
}
