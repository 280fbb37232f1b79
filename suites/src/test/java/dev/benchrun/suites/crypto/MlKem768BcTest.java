package dev.benchrun.suites.crypto;

class MlKem768BcTest extends MlKem768KnownAnswers {
    @Override
    String provider() {
        return "BC";
    }
}
