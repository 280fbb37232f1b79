package dev.benchrun.suites.zp.handshake;

import dev.benchrun.suites.zp.record.AeadSuite;
import java.util.List;

/** The four handshake messages (spec section 5.1). */
public sealed interface HandshakeMessage {

    int CLIENT_HELLO = 0x01;
    int SERVER_HELLO = 0x02;
    int CONFIRM = 0x03;
    int FINISHED = 0x04;

    /** Opens every handshake: the mode, the client's AEADs in preference order and its key shares. */
    record ClientHello(int version, Mode mode, byte[] random, List<AeadSuite> aeads, List<byte[]> fields)
            implements HandshakeMessage {
        public ClientHello {
            aeads = List.copyOf(aeads);
            fields = List.copyOf(fields);
        }
    }

    /** The server's choice of AEAD and its key shares. */
    record ServerHello(int version, Mode mode, byte[] random, AeadSuite aead, List<byte[]> fields)
            implements HandshakeMessage {
        public ServerHello {
            fields = List.copyOf(fields);
        }
    }

    /** A SPAKE2+ key confirmation MAC (confirmV from the server, confirmP from the client). */
    record Confirm(byte[] mac) implements HandshakeMessage {}

    /** HMAC of the transcript hash under the sender's finished key. */
    record Finished(byte[] mac) implements HandshakeMessage {}
}
