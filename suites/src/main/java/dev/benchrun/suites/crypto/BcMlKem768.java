package dev.benchrun.suites.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/** ML-KEM-768 on Bouncy Castle's lightweight API ({@code org.bouncycastle.crypto.kems}). */
final class BcMlKem768 implements MlKem768 {
    private static final MLKEMParameters PARAMETERS = MLKEMParameters.ml_kem_768;

    private record Public(MLKEMPublicKeyParameters key) implements EncapsulationKey {
        @Override
        public byte[] encoded() {
            return key.getEncoded();
        }
    }

    private record Private(MLKEMPrivateKeyParameters key) implements DecapsulationKey {}

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        var generator = new MLKEMKeyPairGenerator();
        generator.init(new MLKEMKeyGenerationParameters(random, PARAMETERS));
        var pair = generator.generateKeyPair();
        return new KeyPair(
                new Public((MLKEMPublicKeyParameters) pair.getPublic()),
                new Private((MLKEMPrivateKeyParameters) pair.getPrivate()));
    }

    @Override
    public Encapsulation encapsulate(EncapsulationKey key, SecureRandom random) {
        var secret = new MLKEMGenerator(random).generateEncapsulated(((Public) key).key());
        return new Encapsulation(secret.getSecret(), secret.getEncapsulation());
    }

    @Override
    public byte[] decapsulate(DecapsulationKey key, byte[] ciphertext) {
        var extractor = new MLKEMExtractor(((Private) key).key());
        if (ciphertext.length != extractor.getEncapsulationLength()) {
            throw new IllegalArgumentException("an ML-KEM-768 ciphertext is " + extractor.getEncapsulationLength()
                    + " bytes, not " + ciphertext.length);
        }
        return extractor.extractSecret(ciphertext);
    }

    @Override
    public EncapsulationKey encapsulationKey(byte[] encoded) {
        try {
            return new Public(new MLKEMPublicKeyParameters(PARAMETERS, encoded));
        } catch (IllegalArgumentException | IllegalStateException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("ML-KEM-768 encapsulation key refused: " + e.getMessage(), e);
        }
    }

    @Override
    public DecapsulationKey decapsulationKey(byte[] expanded) {
        if (expanded.length != DECAPSULATION_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "an expanded ML-KEM-768 decapsulation key is 2400 bytes, not " + expanded.length);
        }
        try {
            return new Private(new MLKEMPrivateKeyParameters(PARAMETERS, expanded));
        } catch (IllegalArgumentException | IllegalStateException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("ML-KEM-768 decapsulation key refused: " + e.getMessage(), e);
        }
    }
}
