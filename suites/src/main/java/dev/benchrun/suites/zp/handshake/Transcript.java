package dev.benchrun.suites.zp.handshake;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** The running SHA-256 over every handshake message's wire bytes, in the order sent. */
final class Transcript {

    private final SHA256Digest digest = new SHA256Digest();

    void add(byte[] wire) {
        digest.update(wire, 0, wire.length);
    }

    /** The hash so far; the transcript keeps running. */
    byte[] hash() {
        var copy = new SHA256Digest(digest);
        var out = new byte[32];
        copy.doFinal(out, 0);
        return out;
    }
}
