package dev.benchrun.suites.crypto;

/** The JDK's HKDF ({@code javax.crypto.KDF}) exists from Java 24; on older JVMs these tests are skipped. */
class HkdfJdkTest extends HkdfKnownAnswers {
    @Override
    String provider() {
        return "JDK";
    }

    @Override
    int minimumJava() {
        return 24;
    }
}
