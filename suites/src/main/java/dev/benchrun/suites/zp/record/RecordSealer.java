package dev.benchrun.suites.zp.record;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/** The sending half of the record layer: numbers records from 0 in each epoch and seals them. */
public final class RecordSealer {

    /** Records per key before an update is mandatory (spec section 3.5, AES-GCM's usage limit). */
    public static final long MAX_RECORDS_PER_EPOCH = 1L << 24;

    private final TrafficKeys keys;
    private final byte[] header = new byte[RecordHeader.BYTES];
    private final byte[] nonce = new byte[AeadSuite.NONCE_BYTES];
    private long sequence;

    public RecordSealer(TrafficKeys keys) {
        this.keys = keys;
    }

    /**
     * Seals the remaining bytes of {@code plaintext} as one record written at {@code out}'s
     * position; both buffers advance. Returns the record's length.
     */
    public int seal(ByteBuffer plaintext, ByteBuffer out) throws ZpException {
        int length = plaintext.remaining();
        if (length > RecordHeader.MAX_PLAINTEXT) {
            throw new ZpException(Reason.RECORD_TOO_LARGE, length + " plaintext bytes");
        }
        if (sequence >= MAX_RECORDS_PER_EPOCH) {
            throw new ZpException(Reason.KEY_EXHAUSTED, "update the keys before sending more records");
        }
        int ciphertextLength = length + AeadSuite.TAG_BYTES;
        RecordHeader.write(header, keys.epoch(), sequence, ciphertextLength);
        keys.nonce(sequence, nonce);
        out.put(header);
        try {
            Cipher c = AeadEngines.get(keys.suite());
            c.init(Cipher.ENCRYPT_MODE, keys.key(), keys.suite().nonceSpec(nonce));
            c.updateAAD(header);
            c.doFinal(plaintext, out);
        } catch (GeneralSecurityException e) {
            // Only a broken JDK gets here: the key, nonce and sizes are ours and valid.
            throw new IllegalStateException("record encryption failed", e);
        }
        sequence++;
        return RecordHeader.BYTES + ciphertextLength;
    }

    /** Seals {@code plaintext} into a new array. */
    public byte[] seal(byte[] plaintext) throws ZpException {
        var out = ByteBuffer.allocate(RecordHeader.BYTES + plaintext.length + AeadSuite.TAG_BYTES);
        seal(ByteBuffer.wrap(plaintext), out);
        return out.array();
    }

    public TrafficKeys keys() {
        return keys;
    }

    public long nextSequence() {
        return sequence;
    }
}
