package dev.benchrun.suites.zp.crypto;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import java.security.SecureRandom;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/** An ephemeral X25519 key pair (RFC 7748) and its agreement with a peer's public key. */
public final class X25519Exchange {

    public static final int KEY_BYTES = 32;

    private final X25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    public X25519Exchange(SecureRandom random) {
        var generator = new X25519KeyPairGenerator();
        generator.init(new X25519KeyGenerationParameters(random));
        var pair = generator.generateKeyPair();
        this.privateKey = (X25519PrivateKeyParameters) pair.getPrivate();
        this.publicKey = ((X25519PublicKeyParameters) pair.getPublic()).getEncoded();
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The shared secret; a peer key of a small-order point (all-zero secret) is refused. */
    public byte[] agree(byte[] peerPublicKey) throws ZpException {
        if (peerPublicKey.length != KEY_BYTES) {
            throw new ZpException(Reason.BAD_KEY_SHARE, "X25519 key of " + peerPublicKey.length + " bytes");
        }
        var agreement = new X25519Agreement();
        agreement.init(privateKey);
        var secret = new byte[KEY_BYTES];
        try {
            agreement.calculateAgreement(new X25519PublicKeyParameters(peerPublicKey, 0), secret, 0);
        } catch (IllegalStateException smallOrder) {
            throw new ZpException(Reason.BAD_KEY_SHARE, "X25519 peer key gives the all-zero secret", smallOrder);
        }
        return secret;
    }
}
