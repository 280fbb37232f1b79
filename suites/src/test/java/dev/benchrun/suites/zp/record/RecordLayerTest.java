package dev.benchrun.suites.zp.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordLayerTest {

    // Fresh per test: the JDK refuses to encrypt twice in a row under one key and nonce, and the
    // engines are shared per thread, so tests must not reuse keys any more than peers may.
    private final byte[] secret = randomSecret();

    @ParameterizedTest
    @EnumSource(AeadSuite.class)
    void recordsRoundTripInOrder(AeadSuite suite) throws ZpException {
        var sealer = new RecordSealer(new TrafficKeys(suite, 0, secret));
        var opener = new RecordOpener(new TrafficKeys(suite, 0, secret));
        for (int size : new int[] {0, 1, 1024, RecordHeader.MAX_PLAINTEXT}) {
            byte[] plaintext = pattern(size);
            byte[] record = sealer.seal(plaintext);
            assertThat(record).hasSize(RecordHeader.BYTES + size + AeadSuite.TAG_BYTES);
            assertThat(opener.open(record)).isEqualTo(plaintext);
        }
    }

    @ParameterizedTest
    @EnumSource(AeadSuite.class)
    void everyFlippedBitIsRefused(AeadSuite suite) throws ZpException {
        var sealer = new RecordSealer(new TrafficKeys(suite, 0, secret));
        var opener = new RecordOpener(new TrafficKeys(suite, 0, secret));
        byte[] record = sealer.seal(pattern(40));
        for (int i = 0; i < record.length; i++) {
            byte[] tampered = record.clone();
            tampered[i] ^= 0x10;
            assertThatThrownBy(() -> opener.open(tampered)).as("byte %d", i).isInstanceOf(ZpException.class);
        }
        assertThat(opener.open(record)).isEqualTo(pattern(40));
    }

    @ParameterizedTest
    @EnumSource(AeadSuite.class)
    void replayIsRefusedAndReorderingWithinTheWindowIsNot(AeadSuite suite) throws ZpException {
        var sealer = new RecordSealer(new TrafficKeys(suite, 0, secret));
        var opener = new RecordOpener(new TrafficKeys(suite, 0, secret));
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            records.add(sealer.seal(new byte[] {(byte) i}));
        }
        assertThat(opener.open(records.get(70))).containsExactly(70);
        assertThat(opener.open(records.get(10))).containsExactly(10);
        assertThat(opener.open(records.get(69))).containsExactly(69);
        assertReason(() -> opener.open(records.get(70)), Reason.REPLAYED_RECORD);
        assertReason(() -> opener.open(records.get(69)), Reason.REPLAYED_RECORD);
        assertReason(() -> opener.open(records.get(6)), Reason.REPLAYED_RECORD); // 64 behind 70
        assertThat(opener.open(records.get(7))).containsExactly(7); // 63 behind
        assertThat(opener.open(records.get(99))).containsExactly(99);
        assertReason(() -> opener.open(records.get(30)), Reason.REPLAYED_RECORD); // now too old
    }

    @ParameterizedTest
    @EnumSource(AeadSuite.class)
    void ratchetedKeysAgreeAndOldEpochIsRefused(AeadSuite suite) throws ZpException {
        var sendKeys = new TrafficKeys(suite, 0, secret);
        var receiveKeys = new TrafficKeys(suite, 0, secret);
        byte[] old = new RecordSealer(sendKeys).seal(pattern(8));
        var next = sendKeys.ratchet();
        assertThat(next.epoch()).isEqualTo(1);
        assertThat(next.secret()).isNotEqualTo(secret);
        var opener = new RecordOpener(receiveKeys.ratchet());
        assertThat(opener.open(new RecordSealer(next).seal(pattern(8)))).isEqualTo(pattern(8));
        assertReason(() -> opener.open(old), Reason.WRONG_EPOCH);
    }

    @ParameterizedTest
    @EnumSource(AeadSuite.class)
    void keysFromAnotherSecretFailAuthentication(AeadSuite suite) throws ZpException {
        byte[] other = secret.clone();
        other[0] ^= 1;
        byte[] record = new RecordSealer(new TrafficKeys(suite, 0, secret)).seal(pattern(64));
        assertReason(() -> new RecordOpener(new TrafficKeys(suite, 0, other)).open(record), Reason.BAD_RECORD_MAC);
    }

    @ParameterizedTest
    @EnumSource(AeadSuite.class)
    void oversizePlaintextIsRefused(AeadSuite suite) {
        var sealer = new RecordSealer(new TrafficKeys(suite, 0, secret));
        assertReason(() -> sealer.seal(new byte[RecordHeader.MAX_PLAINTEXT + 1]), Reason.RECORD_TOO_LARGE);
    }

    @ParameterizedTest
    @EnumSource(AeadSuite.class)
    void sealingIntoBuffersAdvancesBoth(AeadSuite suite) throws ZpException {
        var sealer = new RecordSealer(new TrafficKeys(suite, 0, secret));
        var opener = new RecordOpener(new TrafficKeys(suite, 0, secret));
        var wire = ByteBuffer.allocate(1024);
        sealer.seal(ByteBuffer.wrap(pattern(10)), wire);
        sealer.seal(ByteBuffer.wrap(pattern(20)), wire);
        wire.flip();
        var out = ByteBuffer.allocate(64);
        assertThat(opener.open(wire, out)).isEqualTo(10);
        assertThat(opener.open(wire, out)).isEqualTo(20);
        assertThat(wire.hasRemaining()).isFalse();
        assertThat(out.position()).isEqualTo(30);
    }

    private static byte[] randomSecret() {
        var secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        return secret;
    }

    private static byte[] pattern(int size) {
        var bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 5);
        }
        return bytes;
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ZpException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
