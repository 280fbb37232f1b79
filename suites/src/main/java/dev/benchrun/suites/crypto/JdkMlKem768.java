package dev.benchrun.suites.crypto;

import java.lang.invoke.MethodHandle;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * ML-KEM-768 on the JDK's provider (SunJCE, Java 24+), reached through {@code javax.crypto.KEM}
 * reflectively because this code is compiled for Java 17.
 */
final class JdkMlKem768 implements MlKem768 {
    private static final NamedParameterSpec ML_KEM_768 = new NamedParameterSpec("ML-KEM-768");

    private record Public(PublicKey key) implements EncapsulationKey {
        @Override
        public byte[] encoded() {
            byte[] spki = key.getEncoded();
            // The ek is the BIT STRING's content, the last 1184 bytes of the SubjectPublicKeyInfo.
            return Arrays.copyOfRange(spki, spki.length - ENCAPSULATION_KEY_LENGTH, spki.length);
        }
    }

    private record Private(PrivateKey key) implements DecapsulationKey {}

    private final KeyPairGenerator generator;
    private final KeyFactory keyFactory;
    private final Object kem;
    private final MethodHandle newEncapsulator;
    private final MethodHandle encapsulate;
    private final MethodHandle encapsulatedKey;
    private final MethodHandle encapsulatedCiphertext;
    private final MethodHandle newDecapsulator;
    private final MethodHandle decapsulate;

    JdkMlKem768() {
        CryptoProvider.requireJdk(24, "ML-KEM-768");
        var kemType = JdkReflection.type("javax.crypto.KEM");
        var encapsulatorType = JdkReflection.type("javax.crypto.KEM$Encapsulator");
        var encapsulatedType = JdkReflection.type("javax.crypto.KEM$Encapsulated");
        var decapsulatorType = JdkReflection.type("javax.crypto.KEM$Decapsulator");
        newEncapsulator = JdkReflection.method(
                kemType, "newEncapsulator", PublicKey.class, AlgorithmParameterSpec.class, SecureRandom.class);
        encapsulate = JdkReflection.method(encapsulatorType, "encapsulate");
        encapsulatedKey = JdkReflection.method(encapsulatedType, "key");
        encapsulatedCiphertext = JdkReflection.method(encapsulatedType, "encapsulation");
        newDecapsulator = JdkReflection.method(kemType, "newDecapsulator", PrivateKey.class);
        decapsulate = JdkReflection.method(decapsulatorType, "decapsulate", byte[].class);
        try {
            kem = (Object)
                    JdkReflection.method(kemType, "getInstance", String.class).invokeExact((Object) "ML-KEM");
            generator = KeyPairGenerator.getInstance("ML-KEM");
            keyFactory = KeyFactory.getInstance("ML-KEM");
        } catch (Throwable t) {
            throw new IllegalStateException("the JDK's ML-KEM provider is unavailable: " + t.getMessage(), t);
        }
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        try {
            generator.initialize(ML_KEM_768, random);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        var pair = generator.generateKeyPair();
        return new KeyPair(new Public(pair.getPublic()), new Private(pair.getPrivate()));
    }

    @Override
    public Encapsulation encapsulate(EncapsulationKey key, SecureRandom random) {
        try {
            Object encapsulator = (Object)
                    newEncapsulator.invokeExact(kem, (Object) ((Public) key).key(), (Object) null, (Object) random);
            Object encapsulated = (Object) encapsulate.invokeExact(encapsulator);
            var secret = (Key) (Object) encapsulatedKey.invokeExact(encapsulated);
            var ciphertext = (byte[]) (Object) encapsulatedCiphertext.invokeExact(encapsulated);
            return new Encapsulation(secret.getEncoded(), ciphertext);
        } catch (Throwable t) {
            throw JdkReflection.rethrow(t);
        }
    }

    @Override
    public byte[] decapsulate(DecapsulationKey key, byte[] ciphertext) {
        try {
            Object decapsulator = (Object) newDecapsulator.invokeExact(kem, (Object) ((Private) key).key());
            var secret = (Key) (Object) decapsulate.invokeExact(decapsulator, (Object) ciphertext);
            return secret.getEncoded();
        } catch (Throwable t) {
            throw JdkReflection.rethrow(t);
        }
    }

    @Override
    public EncapsulationKey encapsulationKey(byte[] encoded) {
        try {
            var spec = new X509EncodedKeySpec(Der.subjectPublicKeyInfo(Der.ML_KEM_768, encoded));
            return new Public(keyFactory.generatePublic(spec));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ML-KEM-768 encapsulation key refused: " + e.getMessage(), e);
        }
    }

    @Override
    public DecapsulationKey decapsulationKey(byte[] expanded) {
        try {
            var spec = new PKCS8EncodedKeySpec(Der.privateKeyInfo(Der.ML_KEM_768, expanded));
            return new Private(keyFactory.generatePrivate(spec));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ML-KEM-768 decapsulation key refused: " + e.getMessage(), e);
        }
    }
}
