package dev.benchrun.suites.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.suites.crypto.Aead;
import dev.benchrun.suites.crypto.CounterNonce;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordSealerTest {
    @Test
    void sealsSuccessiveRecordsUnderSuccessiveNonces() throws Exception {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        var sealer = new RecordSealer(key, 1);
        var opener = Aead.create(Aead.Algorithm.CHACHA20_POLY1305, "BC", key);
        var nonces = new CounterNonce(RecordSealer.NONCE_PREFIX);

        byte[] previous = null;
        for (int i = 0; i < 3; i++) {
            assertThat(sealer.sealNext()).isEqualTo(RecordSealer.RECORD_LENGTH + Aead.TAG_LENGTH);
            byte[] sealed = sealer.lastSealed().clone();
            assertThat(opener.open(nonces.next(), sealer.header(), sealed)).isEqualTo(sealer.record());
            assertThat(sealed).isNotEqualTo(previous);
            previous = sealed;
        }
    }
}
