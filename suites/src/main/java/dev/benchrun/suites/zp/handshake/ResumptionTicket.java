package dev.benchrun.suites.zp.handshake;

import dev.benchrun.suites.zp.record.AeadSuite;

/** What a client keeps to resume: the server's opaque token and the PSK it stands for. */
public record ResumptionTicket(byte[] token, byte[] psk, AeadSuite aead, Mode mode, byte[] identity) {

    /** The ticket for a token the server issued on the connection that produced {@code secrets}. */
    public static ResumptionTicket of(byte[] token, SessionSecrets secrets) {
        return new ResumptionTicket(
                token.clone(), secrets.resumption(), secrets.aead(), secrets.mode(), secrets.identity());
    }
}
