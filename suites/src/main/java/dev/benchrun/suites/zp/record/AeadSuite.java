package dev.benchrun.suites.zp.record;

import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/** The record AEADs a handshake can negotiate; both use 32-byte keys, 12-byte nonces, 16-byte tags. */
public enum AeadSuite {
    AES_256_GCM(0x01, "AES/GCM/NoPadding", "AES"),
    CHACHA20_POLY1305(0x02, "ChaCha20-Poly1305", "ChaCha20");

    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private final int code;
    private final String transformation;
    private final String keyAlgorithm;

    AeadSuite(int code, String transformation, String keyAlgorithm) {
        this.code = code;
        this.transformation = transformation;
        this.keyAlgorithm = keyAlgorithm;
    }

    /** The suite for a wire code, or null when the code is not assigned. */
    public static AeadSuite fromCode(int code) {
        return switch (code) {
            case 0x01 -> AES_256_GCM;
            case 0x02 -> CHACHA20_POLY1305;
            default -> null;
        };
    }

    public int code() {
        return code;
    }

    String transformation() {
        return transformation;
    }

    String keyAlgorithm() {
        return keyAlgorithm;
    }

    AlgorithmParameterSpec nonceSpec(byte[] nonce) {
        return this == AES_256_GCM ? new GCMParameterSpec(TAG_BYTES * 8, nonce) : new IvParameterSpec(nonce);
    }
}
