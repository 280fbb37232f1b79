package dev.benchrun.suites.zp.handshake;

import dev.benchrun.suites.zp.record.AeadSuite;

/**
 * The session state a server seals into a resumption token (spec section 6): enough to resume
 * without keeping anything per client.
 */
public record StateToken(
        Mode mode, AeadSuite aead, long issuedAtSeconds, int lifetimeSeconds, byte[] identity, byte[] psk) {

    /** Seven days, the longest a token may live. */
    public static final int MAX_LIFETIME_SECONDS = 7 * 24 * 3600;

    public StateToken {
        if (mode == Mode.RESUME
                || lifetimeSeconds <= 0
                || lifetimeSeconds > MAX_LIFETIME_SECONDS
                || identity.length > 255
                || psk.length != 32) {
            throw new IllegalArgumentException("invalid state token fields");
        }
    }
}
