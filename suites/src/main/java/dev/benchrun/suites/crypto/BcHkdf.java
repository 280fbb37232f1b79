package dev.benchrun.suites.crypto;

import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA256 on Bouncy Castle's lightweight API. */
final class BcHkdf implements Hkdf {
    private final HKDFBytesGenerator generator = new HKDFBytesGenerator(SHA256Digest.newInstance());

    @Override
    public byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative HKDF output length " + length);
        }
        generator.init(new HKDFParameters(ikm, salt, info));
        byte[] okm = new byte[length];
        try {
            generator.generateBytes(okm, 0, length);
        } catch (DataLengthException e) {
            throw new IllegalArgumentException("HKDF-SHA256 refused L = " + length + ": " + e.getMessage(), e);
        }
        return okm;
    }
}
