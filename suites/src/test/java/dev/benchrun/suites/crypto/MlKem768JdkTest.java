package dev.benchrun.suites.crypto;

/** The JDK's ML-KEM ({@code javax.crypto.KEM}) exists from Java 24; on older JVMs these tests are skipped. */
class MlKem768JdkTest extends MlKem768KnownAnswers {
    @Override
    String provider() {
        return "JDK";
    }

    @Override
    int minimumJava() {
        return 24;
    }
}
