package dev.benchrun.suites.crypto;

class AeadJdkTest extends AeadKnownAnswers {
    @Override
    String provider() {
        return "JDK";
    }
}
