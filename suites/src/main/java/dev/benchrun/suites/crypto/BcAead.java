package dev.benchrun.suites.crypto;

import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** ChaCha20-Poly1305 and AES-GCM on Bouncy Castle's lightweight API. */
final class BcAead implements Aead {
    private final AEADCipher cipher;
    private final KeyParameter key;

    BcAead(Algorithm algorithm, byte[] key) {
        this.cipher = switch (algorithm) {
            case CHACHA20_POLY1305 -> new ChaCha20Poly1305();
            case AES_GCM -> GCMBlockCipher.newInstance(AESEngine.newInstance());
        };
        this.key = new KeyParameter(key);
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, byte[] plaintext, byte[] out) {
        init(true, nonce, aad);
        int written = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            return written + cipher.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("encryption cannot fail authentication", e);
        }
    }

    @Override
    public byte[] open(byte[] nonce, byte[] aad, byte[] ciphertextAndTag) throws AEADBadTagException {
        init(false, nonce, aad);
        if (ciphertextAndTag.length < TAG_LENGTH) {
            throw new IllegalArgumentException("input shorter than a tag: " + ciphertextAndTag.length + " bytes");
        }
        byte[] plaintext = new byte[cipher.getOutputSize(ciphertextAndTag.length)];
        int written = cipher.processBytes(ciphertextAndTag, 0, ciphertextAndTag.length, plaintext, 0);
        try {
            cipher.doFinal(plaintext, written);
        } catch (InvalidCipherTextException e) {
            throw new AEADBadTagException(e.getMessage());
        }
        return plaintext;
    }

    private void init(boolean encrypt, byte[] nonce, byte[] aad) {
        // BC reports a bad nonce size or a repeated encryption nonce as IllegalArgumentException already.
        cipher.init(encrypt, new AEADParameters(key, TAG_LENGTH * 8, nonce, aad));
    }
}
