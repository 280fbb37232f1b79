package dev.benchrun.suites.zp.record;

import dev.benchrun.suites.zp.crypto.Hkdf;
import javax.crypto.spec.SecretKeySpec;

/** One direction's keys for one epoch: the traffic secret and the AEAD key and IV derived from it. */
public final class TrafficKeys {

    /** Epochs are 16 bits on the wire; past the last one the connection must close. */
    public static final int MAX_EPOCH = 0xFFFF;

    private final AeadSuite suite;
    private final int epoch;
    private final byte[] secret;
    private final SecretKeySpec key;
    private final byte[] iv;

    public TrafficKeys(AeadSuite suite, int epoch, byte[] secret) {
        if (epoch < 0 || epoch > MAX_EPOCH || secret.length != Hkdf.HASH_LEN) {
            throw new IllegalArgumentException("epoch 0..65535 and a 32-byte secret are required");
        }
        this.suite = suite;
        this.epoch = epoch;
        this.secret = secret.clone();
        this.key = new SecretKeySpec(
                Hkdf.expandLabel(secret, "key", new byte[0], AeadSuite.KEY_BYTES), suite.keyAlgorithm());
        this.iv = Hkdf.expandLabel(secret, "iv", new byte[0], AeadSuite.NONCE_BYTES);
    }

    /** The next epoch's keys by the HKDF ratchet: secret' = ExpandLabel(secret, "traffic upd"). */
    public TrafficKeys ratchet() {
        return new TrafficKeys(suite, epoch + 1, Hkdf.expandLabel(secret, "traffic upd", new byte[0], Hkdf.HASH_LEN));
    }

    public AeadSuite suite() {
        return suite;
    }

    public int epoch() {
        return epoch;
    }

    SecretKeySpec key() {
        return key;
    }

    /** Nonce = IV XOR (4 zero bytes || 64-bit big-endian sequence), written into {@code nonce}. */
    void nonce(long sequence, byte[] nonce) {
        System.arraycopy(iv, 0, nonce, 0, AeadSuite.NONCE_BYTES);
        for (int i = 0; i < 8; i++) {
            nonce[AeadSuite.NONCE_BYTES - 1 - i] ^= (byte) (sequence >>> (8 * i));
        }
    }

    /** For tests that check both sides derived the same keys. */
    public byte[] secret() {
        return secret.clone();
    }
}
