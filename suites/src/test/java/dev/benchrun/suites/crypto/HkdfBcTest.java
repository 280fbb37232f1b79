package dev.benchrun.suites.crypto;

class HkdfBcTest extends HkdfKnownAnswers {
    @Override
    String provider() {
        return "BC";
    }
}
