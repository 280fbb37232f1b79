package dev.benchrun.suites.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/** X25519 on the JDK's provider (SunEC, Java 11+). */
final class JdkX25519 implements X25519 {
    private record Public(XECPublicKey key) implements PublicKey {
        @Override
        public byte[] encoded() {
            return littleEndian(key.getU());
        }
    }

    private record Private(java.security.PrivateKey key) implements PrivateKey {}

    private final KeyPairGenerator generator;
    private final KeyFactory keyFactory;
    private final KeyAgreement agreement;

    JdkX25519() {
        try {
            generator = KeyPairGenerator.getInstance("X25519");
            keyFactory = KeyFactory.getInstance("X25519");
            agreement = KeyAgreement.getInstance("X25519");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no X25519 provider: " + e.getMessage(), e);
        }
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        try {
            generator.initialize(NamedParameterSpec.X25519, random);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        var pair = generator.generateKeyPair();
        return new KeyPair(new Public((XECPublicKey) pair.getPublic()), new Private(pair.getPrivate()));
    }

    @Override
    public PrivateKey privateKey(byte[] scalar) {
        try {
            return new Private(keyFactory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("X25519 private key refused: " + e.getMessage(), e);
        }
    }

    @Override
    public PublicKey publicKey(byte[] u) {
        if (u.length != LENGTH) {
            throw new IllegalArgumentException("an X25519 public key is 32 bytes, not " + u.length);
        }
        // XECPublicKeySpec takes u as a number; RFC 7748 decodeUCoordinate: little-endian, top bit masked.
        byte[] bigEndian = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            bigEndian[i] = u[LENGTH - 1 - i];
        }
        bigEndian[0] &= 0x7f;
        try {
            var spec = new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, bigEndian));
            return new Public((XECPublicKey) keyFactory.generatePublic(spec));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("X25519 public key refused: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] agree(PrivateKey own, PublicKey peer) {
        try {
            agreement.init(((Private) own).key());
            agreement.doPhase(((Public) peer).key(), true);
            return agreement.generateSecret();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("X25519 agreement refused: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            // SunEC reports an all-zero (low-order) result this way.
            throw new IllegalArgumentException("X25519 agreement refused: " + e.getMessage(), e);
        }
    }

    private static byte[] littleEndian(BigInteger u) {
        byte[] bigEndian = u.toByteArray();
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}
