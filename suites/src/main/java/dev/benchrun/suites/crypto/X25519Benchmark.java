package dev.benchrun.suites.crypto;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** X25519 key generation and Diffie-Hellman, Bouncy Castle beside the JDK's provider. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class X25519Benchmark {
    @Param({"BC", "JDK"})
    public String provider;

    private X25519 x25519;
    private SecureRandom random;
    private X25519.PrivateKey own;
    private X25519.PublicKey peer;

    @Setup
    public void setup() {
        x25519 = X25519.forProvider(provider);
        random = new SecureRandom();
        own = x25519.generateKeyPair(random).privateKey();
        peer = x25519.generateKeyPair(random).publicKey();
    }

    /** A random scalar and its public key (one fixed-base scalar multiplication). */
    @Benchmark
    public X25519.KeyPair x25519_keygen() {
        return x25519.generateKeyPair(random);
    }

    /** One agreement with already imported keys (one variable-base scalar multiplication). */
    @Benchmark
    public byte[] x25519_dh() {
        return x25519.agree(own, peer);
    }
}
