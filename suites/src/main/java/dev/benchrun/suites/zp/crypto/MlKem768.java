package dev.benchrun.suites.zp.crypto;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/** ML-KEM-768 (FIPS 203): the decapsulating side's key pair, and encapsulation to a peer's key. */
public final class MlKem768 {

    public static final int PUBLIC_KEY_BYTES = 1184;
    public static final int CIPHERTEXT_BYTES = 1088;
    public static final int SECRET_BYTES = 32;

    private final MLKEMPrivateKeyParameters privateKey;
    private final byte[] publicKey;

    public MlKem768(SecureRandom random) {
        var generator = new MLKEMKeyPairGenerator();
        generator.init(new MLKEMKeyGenerationParameters(random, MLKEMParameters.ml_kem_768));
        var pair = generator.generateKeyPair();
        this.privateKey = (MLKEMPrivateKeyParameters) pair.getPrivate();
        this.publicKey = ((MLKEMPublicKeyParameters) pair.getPublic()).getEncoded();
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Decapsulates; a tampered ciphertext yields an unrelated secret (implicit rejection), not an error. */
    public byte[] decapsulate(byte[] ciphertext) throws ZpException {
        if (ciphertext.length != CIPHERTEXT_BYTES) {
            throw new ZpException(Reason.BAD_KEY_SHARE, "ML-KEM ciphertext of " + ciphertext.length + " bytes");
        }
        return new MLKEMExtractor(privateKey).extractSecret(ciphertext);
    }

    /** The secret and ciphertext of an encapsulation to {@code peerPublicKey}. */
    public record Encapsulation(byte[] secret, byte[] ciphertext) {}

    public static Encapsulation encapsulate(byte[] peerPublicKey, SecureRandom random) throws ZpException {
        if (peerPublicKey.length != PUBLIC_KEY_BYTES) {
            throw new ZpException(Reason.BAD_KEY_SHARE, "ML-KEM public key of " + peerPublicKey.length + " bytes");
        }
        try {
            var key = new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, peerPublicKey);
            var encapsulated = new MLKEMGenerator(random).generateEncapsulated(key);
            return new Encapsulation(encapsulated.getSecret(), encapsulated.getEncapsulation());
        } catch (IllegalArgumentException | IllegalStateException badKey) {
            // FIPS 203 section 7.2: an encapsulation key with a coefficient >= q must be refused.
            throw new ZpException(Reason.BAD_KEY_SHARE, "ML-KEM public key fails the modulus check", badKey);
        }
    }
}
