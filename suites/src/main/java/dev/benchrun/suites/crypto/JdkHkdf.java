package dev.benchrun.suites.crypto;

import java.lang.invoke.MethodHandle;

/**
 * HKDF-SHA256 on the JDK's provider ({@code javax.crypto.KDF}, SunJCE, Java 24+), reached
 * reflectively because this code is compiled for Java 17.
 */
final class JdkHkdf implements Hkdf {
    private final Object kdf;
    private final MethodHandle ofExtract;
    private final MethodHandle addIkm;
    private final MethodHandle addSalt;
    private final MethodHandle thenExpand;
    private final MethodHandle deriveData;

    JdkHkdf() {
        CryptoProvider.requireJdk(24, "HKDF-SHA256");
        var kdfType = JdkReflection.type("javax.crypto.KDF");
        var specType = JdkReflection.type("javax.crypto.spec.HKDFParameterSpec");
        var builderType = JdkReflection.type("javax.crypto.spec.HKDFParameterSpec$Builder");
        ofExtract = JdkReflection.method(specType, "ofExtract");
        addIkm = JdkReflection.method(builderType, "addIKM", byte[].class);
        addSalt = JdkReflection.method(builderType, "addSalt", byte[].class);
        thenExpand = JdkReflection.method(builderType, "thenExpand", byte[].class, int.class);
        deriveData = JdkReflection.method(
                kdfType, "deriveData", JdkReflection.type("java.security.spec.AlgorithmParameterSpec"));
        try {
            kdf = (Object)
                    JdkReflection.method(kdfType, "getInstance", String.class).invokeExact((Object) "HKDF-SHA256");
        } catch (Throwable t) {
            throw new IllegalStateException("the JDK's HKDF-SHA256 provider is unavailable: " + t.getMessage(), t);
        }
    }

    @Override
    public byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        try {
            Object builder = (Object) ofExtract.invokeExact();
            builder = (Object) addIkm.invokeExact(builder, (Object) ikm);
            builder = (Object) addSalt.invokeExact(builder, (Object) salt);
            Object spec = (Object) thenExpand.invokeExact(builder, (Object) info, (Object) Integer.valueOf(length));
            return (byte[]) (Object) deriveData.invokeExact(kdf, spec);
        } catch (Throwable t) {
            throw JdkReflection.rethrow(t);
        }
    }
}
