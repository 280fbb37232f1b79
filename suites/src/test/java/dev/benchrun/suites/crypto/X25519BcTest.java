package dev.benchrun.suites.crypto;

class X25519BcTest extends X25519KnownAnswers {
    @Override
    String provider() {
        return "BC";
    }
}
