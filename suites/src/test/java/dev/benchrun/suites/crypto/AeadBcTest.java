package dev.benchrun.suites.crypto;

class AeadBcTest extends AeadKnownAnswers {
    @Override
    String provider() {
        return "BC";
    }
}
