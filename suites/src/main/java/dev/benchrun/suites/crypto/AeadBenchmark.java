package dev.benchrun.suites.crypto;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One AEAD seal (encrypt + tag) of 1 KiB or 64 KiB with 16 bytes of AAD under a fresh counter nonce,
 * Bouncy Castle beside the JDK's provider.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AeadBenchmark {
    static final int AAD_LENGTH = 16;

    @Param({"BC", "JDK"})
    public String provider;

    private Aead chaCha20Poly1305;
    private Aead aes256Gcm;
    private final CounterNonce nonces = new CounterNonce(0x62656e63);
    private byte[] aad;
    private byte[] plaintext1k;
    private byte[] plaintext64k;
    private byte[] out;

    @Setup
    public void setup() {
        var keys = new SecureRandom();
        chaCha20Poly1305 = Aead.create(Aead.Algorithm.CHACHA20_POLY1305, provider, bytes(keys, 32));
        aes256Gcm = Aead.create(Aead.Algorithm.AES_GCM, provider, bytes(keys, 32));
        var content = new SplittableRandom(20240601);
        aad = bytes(content, AAD_LENGTH);
        plaintext1k = bytes(content, 1024);
        plaintext64k = bytes(content, 64 * 1024);
        out = new byte[plaintext64k.length + Aead.TAG_LENGTH];
    }

    @Benchmark
    public int chacha20poly1305_encrypt_1k() {
        return chaCha20Poly1305.seal(nonces.next(), aad, plaintext1k, out);
    }

    @Benchmark
    public int chacha20poly1305_encrypt_64k() {
        return chaCha20Poly1305.seal(nonces.next(), aad, plaintext64k, out);
    }

    @Benchmark
    public int aes256gcm_encrypt_1k() {
        return aes256Gcm.seal(nonces.next(), aad, plaintext1k, out);
    }

    @Benchmark
    public int aes256gcm_encrypt_64k() {
        return aes256Gcm.seal(nonces.next(), aad, plaintext64k, out);
    }

    private static byte[] bytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
