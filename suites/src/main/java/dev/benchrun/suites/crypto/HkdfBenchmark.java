package dev.benchrun.suites.crypto;

import java.nio.charset.StandardCharsets;
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
 * HKDF-SHA256 extract-then-expand of a 32-byte key, the shape of a handshake key schedule step,
 * Bouncy Castle beside the JDK's provider (Java 24+).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HkdfBenchmark {
    static final int OUTPUT_LENGTH = 32;

    @Param({"BC", "JDK"})
    public String provider;

    private Hkdf hkdf;
    private byte[] ikm;
    private byte[] salt;
    private byte[] info;

    @Setup
    public void setup() {
        // On a JDK older than 24, provider=JDK stops here with "HKDF-SHA256 needs the JDK's provider from Java 24".
        hkdf = Hkdf.forProvider(provider);
        var random = new SplittableRandom(5869);
        ikm = new byte[32];
        salt = new byte[32];
        random.nextBytes(ikm);
        random.nextBytes(salt);
        info = "benchrun key 1".getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public byte[] hkdf_derive() {
        return hkdf.derive(ikm, salt, info, OUTPUT_LENGTH);
    }
}
