package dev.benchrun.suites.crypto;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** provider=JDK for ML-KEM and HKDF: one clear message before Java 24, working objects from 24 on. */
class JdkProviderAvailabilityTest {
    private static final int RUNNING = Runtime.version().feature();

    @Test
    void beforeJava24TheBenchmarkSetupFailsWithOneClearMessage() {
        assumeTrue(RUNNING < 24, "this JVM has the JDK's ML-KEM and HKDF");
        var mlKem = new MlKem768Benchmark();
        mlKem.provider = "JDK";
        assertThatThrownBy(mlKem::setup)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("ML-KEM-768 needs the JDK's provider from Java 24; this JVM is " + RUNNING);
        var hkdf = new HkdfBenchmark();
        hkdf.provider = "JDK";
        assertThatThrownBy(hkdf::setup)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("HKDF-SHA256 needs the JDK's provider from Java 24; this JVM is " + RUNNING);
    }

    @Test
    void fromJava24TheJdkProviderIsUsed() {
        assumeTrue(RUNNING >= 24, "the JDK's ML-KEM and HKDF need Java 24; this JVM is " + RUNNING);
        assertThatNoException().isThrownBy(() -> MlKem768.forProvider("JDK"));
        assertThatNoException().isThrownBy(() -> Hkdf.forProvider("JDK"));
    }

    @Test
    void anUnknownProviderIsNamed() {
        assertThatThrownBy(() -> X25519.forProvider("SunEC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown crypto provider 'SunEC': expected BC or JDK");
    }
}
