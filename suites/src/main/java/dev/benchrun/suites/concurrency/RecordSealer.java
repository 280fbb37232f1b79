package dev.benchrun.suites.concurrency;

import dev.benchrun.suites.crypto.Aead;
import dev.benchrun.suites.crypto.CounterNonce;
import java.util.SplittableRandom;

/**
 * The concurrency workload: sealing a 1 KiB record with ChaCha20-Poly1305 (Bouncy Castle), as a
 * record layer does per connection. Each instance owns its key, nonce counter and buffers, so
 * threads share nothing and the scaling curve shows the machine and the JVM, not lock contention.
 */
public final class RecordSealer {
    static final int RECORD_LENGTH = 1024;
    static final int HEADER_LENGTH = 16;
    static final int NONCE_PREFIX = 0x7a700001;

    private final Aead aead;
    private final CounterNonce nonces = new CounterNonce(NONCE_PREFIX);
    private final byte[] header;
    private final byte[] record;
    private final byte[] out = new byte[RECORD_LENGTH + Aead.TAG_LENGTH];

    /** A sealer under a 32-byte key, with record content drawn from {@code contentSeed}. */
    public RecordSealer(byte[] key, long contentSeed) {
        // Bouncy Castle is the same Java code on every JDK, so the curve does not move with the JDK's intrinsics.
        aead = Aead.create(Aead.Algorithm.CHACHA20_POLY1305, "BC", key);
        var content = new SplittableRandom(contentSeed);
        header = new byte[HEADER_LENGTH];
        record = new byte[RECORD_LENGTH];
        content.nextBytes(header);
        content.nextBytes(record);
    }

    /** Seals the next record under a fresh nonce; returns the sealed length. */
    public int sealNext() {
        return aead.seal(nonces.next(), header, record, out);
    }

    byte[] header() {
        return header.clone();
    }

    byte[] record() {
        return record.clone();
    }

    /** The last sealed record (ciphertext ‖ tag); overwritten by the next call. */
    byte[] lastSealed() {
        return out;
    }
}
