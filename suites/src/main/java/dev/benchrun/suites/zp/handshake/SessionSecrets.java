package dev.benchrun.suites.zp.handshake;

import dev.benchrun.suites.zp.record.AeadSuite;

/**
 * What a completed handshake yields to both sides: the negotiated AEAD, the first traffic secret
 * of each direction, and the secrets that resumption and a re-handshake start from.
 */
public record SessionSecrets(
        Mode mode,
        AeadSuite aead,
        byte[] identity,
        byte[] clientTraffic,
        byte[] serverTraffic,
        byte[] resumption,
        byte[] rehandshake) {}
