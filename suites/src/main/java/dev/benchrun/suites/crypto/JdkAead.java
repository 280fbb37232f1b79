package dev.benchrun.suites.crypto;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** ChaCha20-Poly1305 and AES-GCM on the JDK's provider (SunJCE, Java 11+). */
final class JdkAead implements Aead {
    private final Algorithm algorithm;
    private final Cipher cipher;
    private final SecretKeySpec key;

    JdkAead(Algorithm algorithm, byte[] key) {
        this.algorithm = algorithm;
        var transformation = switch (algorithm) {
            case CHACHA20_POLY1305 -> "ChaCha20-Poly1305";
            case AES_GCM -> "AES/GCM/NoPadding";
        };
        try {
            this.cipher = Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + transformation + ": " + e.getMessage(), e);
        }
        this.key = new SecretKeySpec(key, algorithm == Algorithm.AES_GCM ? "AES" : "ChaCha20");
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, byte[] plaintext, byte[] out) {
        try {
            init(Cipher.ENCRYPT_MODE, nonce, aad);
            return cipher.doFinal(plaintext, 0, plaintext.length, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(algorithm + " refused: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] open(byte[] nonce, byte[] aad, byte[] ciphertextAndTag) throws AEADBadTagException {
        try {
            init(Cipher.DECRYPT_MODE, nonce, aad);
            return cipher.doFinal(ciphertextAndTag);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(algorithm + " refused: " + e.getMessage(), e);
        }
    }

    private void init(int mode, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        AlgorithmParameterSpec parameters = switch (algorithm) {
            case CHACHA20_POLY1305 -> new IvParameterSpec(nonce);
            case AES_GCM -> new GCMParameterSpec(TAG_LENGTH * 8, nonce);
        };
        cipher.init(mode, key, parameters);
        cipher.updateAAD(aad);
    }
}
