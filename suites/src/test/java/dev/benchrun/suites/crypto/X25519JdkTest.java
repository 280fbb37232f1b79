package dev.benchrun.suites.crypto;

class X25519JdkTest extends X25519KnownAnswers {
    @Override
    String provider() {
        return "JDK";
    }
}
