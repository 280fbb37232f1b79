package dev.benchrun.suites.zp.record;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;

/** The receiving half of the record layer: checks the header, the replay window, then the tag. */
public final class RecordOpener {

    private final TrafficKeys keys;
    private final ReplayWindow window = new ReplayWindow();
    private final byte[] header = new byte[RecordHeader.BYTES];
    private final byte[] nonce = new byte[AeadSuite.NONCE_BYTES];

    public RecordOpener(TrafficKeys keys) {
        this.keys = keys;
    }

    /**
     * Opens the record at {@code record}'s position, writing the plaintext at {@code out}'s
     * position; both advance. Returns the plaintext length. Nothing is written for a refused record.
     */
    public int open(ByteBuffer record, ByteBuffer out) throws ZpException {
        int at = record.position();
        if (record.limit() - at < RecordHeader.BYTES) {
            throw new ZpException(Reason.RECORD_MALFORMED, "shorter than the record header");
        }
        if ((record.get(at) & 0xFF) != RecordHeader.TYPE_PROTECTED) {
            throw new ZpException(Reason.RECORD_MALFORMED, "not a protected record");
        }
        int length = RecordHeader.length(record, at);
        if (length < AeadSuite.TAG_BYTES || length > RecordHeader.MAX_CIPHERTEXT) {
            throw new ZpException(Reason.RECORD_TOO_LARGE, "ciphertext length " + length);
        }
        if (record.limit() - at - RecordHeader.BYTES < length) {
            throw new ZpException(Reason.RECORD_MALFORMED, "ciphertext shorter than its length field");
        }
        int epoch = RecordHeader.epoch(record, at);
        if (epoch != keys.epoch()) {
            throw new ZpException(Reason.WRONG_EPOCH, "record epoch " + epoch + ", expected " + keys.epoch());
        }
        long sequence = RecordHeader.sequence(record, at);
        if (!window.mayAccept(sequence)) {
            throw new ZpException(Reason.REPLAYED_RECORD, "sequence " + sequence + " already seen or too old");
        }
        if (out.remaining() < length - AeadSuite.TAG_BYTES) {
            throw new IllegalArgumentException("output buffer too small for the plaintext");
        }
        record.get(at, header);
        keys.nonce(sequence, nonce);
        var ciphertext = record.duplicate().position(at + RecordHeader.BYTES).limit(at + RecordHeader.BYTES + length);
        int plaintextLength;
        try {
            Cipher c = AeadEngines.get(keys.suite());
            initForDecryption(c);
            c.updateAAD(header);
            plaintextLength = c.doFinal(ciphertext, out);
        } catch (AEADBadTagException e) {
            throw new ZpException(Reason.BAD_RECORD_MAC, "record " + sequence + " failed authentication", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("record decryption failed", e);
        }
        window.accept(sequence);
        record.position(at + RecordHeader.BYTES + length);
        return plaintextLength;
    }

    private void initForDecryption(Cipher c) throws GeneralSecurityException {
        try {
            c.init(Cipher.DECRYPT_MODE, keys.key(), keys.suite().nonceSpec(nonce));
        } catch (InvalidKeyException sameKeyAndNonce) {
            // The JDK's ChaCha20-Poly1305 refuses the previous key and nonce even for decryption, which
            // happens when a forged record and the genuine one share a sequence number. Stepping
            // through another nonce resets that check.
            nonce[0] ^= 1;
            c.init(Cipher.DECRYPT_MODE, keys.key(), keys.suite().nonceSpec(nonce));
            nonce[0] ^= 1;
            c.init(Cipher.DECRYPT_MODE, keys.key(), keys.suite().nonceSpec(nonce));
        }
    }

    /** Opens one whole record held in {@code record}; trailing bytes make it malformed. */
    public byte[] open(byte[] record) throws ZpException {
        var in = ByteBuffer.wrap(record);
        var out = ByteBuffer.allocate(Math.max(0, record.length - RecordHeader.BYTES - AeadSuite.TAG_BYTES));
        open(in, out);
        if (in.hasRemaining()) {
            throw new ZpException(Reason.RECORD_MALFORMED, in.remaining() + " bytes after the record");
        }
        return out.array();
    }

    public TrafficKeys keys() {
        return keys;
    }
}
