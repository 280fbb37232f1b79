package dev.benchrun.suites.zp.record;

import java.nio.ByteBuffer;

/** The 14-byte record header (spec section 3.1), which is also the AEAD's associated data. */
public final class RecordHeader {

    public static final int BYTES = 14;
    /** The first byte of every protected record; handshake messages never start with it. */
    public static final int TYPE_PROTECTED = 0x17;
    /** The largest plaintext a record may carry: 128 KiB (two full frames and more). */
    public static final int MAX_PLAINTEXT = 131_072;

    public static final int MAX_CIPHERTEXT = MAX_PLAINTEXT + AeadSuite.TAG_BYTES;

    private RecordHeader() {}

    static void write(byte[] to, int epoch, long sequence, int ciphertextLength) {
        to[0] = (byte) TYPE_PROTECTED;
        to[1] = (byte) (epoch >>> 8);
        to[2] = (byte) epoch;
        for (int i = 0; i < 8; i++) {
            to[3 + i] = (byte) (sequence >>> (56 - 8 * i));
        }
        to[11] = (byte) (ciphertextLength >>> 16);
        to[12] = (byte) (ciphertextLength >>> 8);
        to[13] = (byte) ciphertextLength;
    }

    static int epoch(ByteBuffer in, int at) {
        return (in.get(at + 1) & 0xFF) << 8 | in.get(at + 2) & 0xFF;
    }

    static long sequence(ByteBuffer in, int at) {
        return in.getLong(at + 3);
    }

    static int length(ByteBuffer in, int at) {
        return (in.get(at + 11) & 0xFF) << 16 | (in.get(at + 12) & 0xFF) << 8 | in.get(at + 13) & 0xFF;
    }
}
