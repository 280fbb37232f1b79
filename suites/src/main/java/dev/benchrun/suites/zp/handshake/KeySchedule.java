package dev.benchrun.suites.zp.handshake;

import dev.benchrun.suites.zp.crypto.Hkdf;

/**
 * The HKDF-SHA256 key schedule of spec section 4.2: early secret (PSK), handshake secret (key
 * exchange output), master secret, and the secrets derived from each with the transcript hash.
 */
final class KeySchedule {

    static final byte[] ZEROS = new byte[Hkdf.HASH_LEN];
    private static final byte[] EMPTY_HASH = Hkdf.sha256(new byte[0]);

    private final byte[] handshakeSecret;
    private final byte[] masterSecret;

    /** {@code psk} is all zeros when there is none; {@code ikm} is the key exchange's secret(s). */
    KeySchedule(byte[] psk, byte[] ikm) {
        byte[] early = Hkdf.extract(ZEROS, psk);
        this.handshakeSecret = Hkdf.extract(derived(early), ikm);
        this.masterSecret = Hkdf.extract(derived(handshakeSecret), ZEROS);
    }

    static byte[] binderKey(byte[] psk) {
        return Hkdf.expandLabel(Hkdf.extract(ZEROS, psk), "res binder", EMPTY_HASH, Hkdf.HASH_LEN);
    }

    byte[] clientFinishedKey() {
        return Hkdf.expandLabel(handshakeSecret, "c finished", new byte[0], Hkdf.HASH_LEN);
    }

    byte[] serverFinishedKey() {
        return Hkdf.expandLabel(handshakeSecret, "s finished", new byte[0], Hkdf.HASH_LEN);
    }

    byte[] fromMaster(String label, byte[] transcriptHash) {
        return Hkdf.expandLabel(masterSecret, label, transcriptHash, Hkdf.HASH_LEN);
    }

    private static byte[] derived(byte[] secret) {
        return Hkdf.expandLabel(secret, "derived", EMPTY_HASH, Hkdf.HASH_LEN);
    }
}
