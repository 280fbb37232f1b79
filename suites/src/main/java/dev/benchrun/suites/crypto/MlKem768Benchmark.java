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

/** ML-KEM-768 key generation, encapsulation and decapsulation, Bouncy Castle beside the JDK's provider (Java 24+). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MlKem768Benchmark {
    @Param({"BC", "JDK"})
    public String provider;

    private MlKem768 mlKem;
    private SecureRandom random;
    private MlKem768.KeyPair keyPair;
    private byte[] ciphertext;

    @Setup
    public void setup() {
        // On a JDK older than 24, provider=JDK stops here with "ML-KEM-768 needs the JDK's provider from Java 24".
        mlKem = MlKem768.forProvider(provider);
        random = new SecureRandom();
        keyPair = mlKem.generateKeyPair(random);
        ciphertext = mlKem.encapsulate(keyPair.encapsulationKey(), random).ciphertext();
    }

    @Benchmark
    public MlKem768.KeyPair mlkem768_keygen() {
        return mlKem.generateKeyPair(random);
    }

    @Benchmark
    public MlKem768.Encapsulation mlkem768_encap() {
        return mlKem.encapsulate(keyPair.encapsulationKey(), random);
    }

    @Benchmark
    public byte[] mlkem768_decap() {
        return mlKem.decapsulate(keyPair.decapsulationKey(), ciphertext);
    }
}
