package dev.benchrun.suites.zp.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HKDF-SHA256 (RFC 5869) and zp's labelled expansion (spec section 4.1). */
public final class Hkdf {

    public static final int HASH_LEN = 32;
    private static final byte[] LABEL_PREFIX = "zp1 ".getBytes(StandardCharsets.US_ASCII);

    private Hkdf() {}

    public static byte[] hmac(byte[] key, byte[] data) {
        var mac = new HMac(SHA256Digest.newInstance());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        var out = new byte[HASH_LEN];
        mac.doFinal(out, 0);
        return out;
    }

    /** HKDF-Extract; an empty salt is HashLen zero bytes, which HMAC treats identically. */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        return hmac(salt, ikm);
    }

    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length > 255 * HASH_LEN) {
            throw new IllegalArgumentException("HKDF output too long: " + length);
        }
        var mac = new HMac(SHA256Digest.newInstance());
        mac.init(new KeyParameter(prk));
        var out = new byte[length];
        var block = new byte[HASH_LEN];
        int done = 0;
        for (int counter = 1; done < length; counter++) {
            if (counter > 1) {
                mac.update(block, 0, HASH_LEN);
            }
            mac.update(info, 0, info.length);
            mac.update((byte) counter);
            mac.doFinal(block, 0);
            int n = Math.min(HASH_LEN, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        return out;
    }

    /**
     * HKDF-Expand with info = u16 length || u8 len || "zp1 " + label || u8 len || context, so no
     * two derivations in the protocol share an info string.
     */
    public static byte[] expandLabel(byte[] secret, String label, byte[] context, int length) {
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        int fullLabel = LABEL_PREFIX.length + labelBytes.length;
        if (fullLabel > 255 || context.length > 255) {
            throw new IllegalArgumentException("label or context too long");
        }
        var info = new byte[2 + 1 + fullLabel + 1 + context.length];
        info[0] = (byte) (length >>> 8);
        info[1] = (byte) length;
        info[2] = (byte) fullLabel;
        System.arraycopy(LABEL_PREFIX, 0, info, 3, LABEL_PREFIX.length);
        System.arraycopy(labelBytes, 0, info, 3 + LABEL_PREFIX.length, labelBytes.length);
        info[3 + fullLabel] = (byte) context.length;
        System.arraycopy(context, 0, info, 4 + fullLabel, context.length);
        return expand(secret, info, length);
    }

    /** SHA-256 of {@code data}. */
    public static byte[] sha256(byte[] data) {
        var d = SHA256Digest.newInstance();
        d.update(data, 0, data.length);
        var out = new byte[HASH_LEN];
        d.doFinal(out, 0);
        return out;
    }
}
