package dev.benchrun.suites.crypto;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the known-answer tests: each algorithm's tests are written once and run per provider by a
 * subclass ({@code *BcTest}, {@code *JdkTest}); the JDK ones also run on JDK 25 in the jdk25 surefire execution.
 */
abstract class ProviderTest {
    /** BC or JDK. */
    abstract String provider();

    /** The first Java feature release whose JDK provider has the algorithm (0: any). */
    int minimumJava() {
        return 0;
    }

    @BeforeEach
    void requireProvider() {
        int running = Runtime.version().feature();
        assumeTrue(
                running >= minimumJava(),
                () -> "the JDK's provider has this algorithm from Java " + minimumJava() + "; this JVM is " + running
                        + " (the jdk25 surefire execution covers it)");
    }
}
