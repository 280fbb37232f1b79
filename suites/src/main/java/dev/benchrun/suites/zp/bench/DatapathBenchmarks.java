package dev.benchrun.suites.zp.bench;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.frame.Frame;
import dev.benchrun.suites.zp.frame.FrameCodec;
import dev.benchrun.suites.zp.frame.FrameType;
import dev.benchrun.suites.zp.frame.FrameView;
import dev.benchrun.suites.zp.record.AeadSuite;
import dev.benchrun.suites.zp.record.RecordHeader;
import dev.benchrun.suites.zp.record.RecordOpener;
import dev.benchrun.suites.zp.record.RecordSealer;
import dev.benchrun.suites.zp.record.TrafficKeys;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The zp data path: sealing records, and parsing and serializing frames through a reused view
 * into preallocated buffers (no allocation per operation; check with -prof gc).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class DatapathBenchmarks {

    /** Records are sealed with AES-256-GCM, the server's first preference in the handshakes. */
    static final AeadSuite SUITE = AeadSuite.AES_256_GCM;

    static final int FRAME_PAYLOAD = 1024;

    private RecordSealer sealer;
    private RecordOpener opener;
    private ByteBuffer plaintext1k;
    private ByteBuffer plaintext64k;
    private ByteBuffer record;
    private ByteBuffer opened;
    private ByteBuffer wireFrame;
    private ByteBuffer frameOut;
    private FrameView view;
    private FrameView outgoing;

    @Setup
    public void setUp() throws ZpException {
        var random = new SecureRandom();
        var secret = new byte[32];
        random.nextBytes(secret);
        sealer = new RecordSealer(new TrafficKeys(SUITE, 0, secret));
        opener = new RecordOpener(new TrafficKeys(SUITE, 0, secret));
        plaintext1k = filled(random, 1024);
        plaintext64k = filled(random, 65_536);
        record = ByteBuffer.allocate(RecordHeader.BYTES + RecordHeader.MAX_CIPHERTEXT);
        opened = ByteBuffer.allocate(RecordHeader.MAX_PLAINTEXT);
        var payload = filled(random, FRAME_PAYLOAD);
        view = new FrameView();
        outgoing = new FrameView().set(FrameType.DATA, 0, 1, payload, 0, FRAME_PAYLOAD);
        wireFrame = ByteBuffer.allocate(Frame.HEADER_BYTES + FRAME_PAYLOAD);
        FrameCodec.write(outgoing, wireFrame);
        frameOut = ByteBuffer.allocate(Frame.HEADER_BYTES + FRAME_PAYLOAD);
    }

    @Benchmark
    public int encrypt_record_1k() throws ZpException {
        return seal(plaintext1k);
    }

    @Benchmark
    public int encrypt_record_64k() throws ZpException {
        return seal(plaintext64k);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int parse_frame() throws ZpException {
        wireFrame.position(0);
        FrameCodec.read(wireFrame, view);
        return view.payloadLength() + view.streamId();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int serialize_frame() throws ZpException {
        frameOut.clear();
        FrameCodec.write(outgoing, frameOut);
        return frameOut.position();
    }

    /** One packet: a 1 KiB DATA frame serialized, sealed, opened and parsed again. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int packet_throughput() throws ZpException {
        frameOut.clear();
        FrameCodec.write(outgoing, frameOut);
        frameOut.flip();
        rotateIfExhausted();
        record.clear();
        sealer.seal(frameOut, record);
        record.flip();
        opened.clear();
        opener.open(record, opened);
        opened.flip();
        FrameCodec.read(opened, view);
        return view.payloadLength();
    }

    private int seal(ByteBuffer plaintext) throws ZpException {
        rotateIfExhausted();
        plaintext.position(0);
        record.clear();
        return sealer.seal(plaintext, record);
    }

    /** Long runs outlast one key's record limit; a sender then updates its keys, as the spec requires. */
    private void rotateIfExhausted() {
        if (sealer.nextSequence() == RecordSealer.MAX_RECORDS_PER_EPOCH) {
            sealer = new RecordSealer(sealer.keys().ratchet());
            opener = new RecordOpener(opener.keys().ratchet());
        }
    }

    private static ByteBuffer filled(SecureRandom random, int size) {
        var bytes = new byte[size];
        random.nextBytes(bytes);
        return ByteBuffer.wrap(bytes);
    }
}
