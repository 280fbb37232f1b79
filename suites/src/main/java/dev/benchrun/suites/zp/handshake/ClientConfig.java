package dev.benchrun.suites.zp.handshake;

import dev.benchrun.suites.zp.record.AeadSuite;
import java.security.SecureRandom;
import java.util.List;

/** The client's settings: the AEADs it offers, in preference order, and its randomness. */
public record ClientConfig(List<AeadSuite> aeads, SecureRandom random) {
    public ClientConfig {
        aeads = List.copyOf(aeads);
        if (aeads.isEmpty()) {
            throw new IllegalArgumentException("offer at least one AEAD");
        }
    }
}
