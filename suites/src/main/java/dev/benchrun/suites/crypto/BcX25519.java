package dev.benchrun.suites.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/** X25519 on Bouncy Castle's lightweight API. */
final class BcX25519 implements X25519 {
    private record Public(X25519PublicKeyParameters key) implements PublicKey {
        @Override
        public byte[] encoded() {
            return key.getEncoded();
        }
    }

    private record Private(X25519PrivateKeyParameters key) implements PrivateKey {}

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        var generator = new X25519KeyPairGenerator();
        generator.init(new X25519KeyGenerationParameters(random));
        var pair = generator.generateKeyPair();
        return new KeyPair(
                new Public((X25519PublicKeyParameters) pair.getPublic()),
                new Private((X25519PrivateKeyParameters) pair.getPrivate()));
    }

    @Override
    public PrivateKey privateKey(byte[] scalar) {
        return new Private(new X25519PrivateKeyParameters(scalar));
    }

    @Override
    public PublicKey publicKey(byte[] u) {
        return new Public(new X25519PublicKeyParameters(u));
    }

    @Override
    public byte[] agree(PrivateKey own, PublicKey peer) {
        var agreement = new X25519Agreement();
        agreement.init(((Private) own).key());
        byte[] secret = new byte[LENGTH];
        try {
            agreement.calculateAgreement(((Public) peer).key(), secret, 0);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("X25519 agreement refused: " + e.getMessage(), e);
        }
        return secret;
    }
}
