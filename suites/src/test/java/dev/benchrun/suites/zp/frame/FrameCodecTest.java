package dev.benchrun.suites.zp.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrameCodecTest {

    /** Fixed, so that a failing case comes back on every run. */
    private static final long SEED = 0x2b1f_6c0d_93e4_a577L;
    /** Random payloads stay short so hundreds of cases take moments; {@link #edgeFrames} has the longest. */
    private static final int RANDOM_PAYLOAD_LIMIT = 2048;

    @ParameterizedTest
    @MethodSource("frames")
    void parseInvertsSerialize(Frame frame) throws ZpException {
        assertThat(FrameCodec.parse(FrameCodec.serialize(frame))).isEqualTo(frame);
    }

    @ParameterizedTest
    @MethodSource("framePairs")
    void viewsRoundTripBackToBackFramesInOneBuffer(Frame a, Frame b) throws ZpException {
        var buffer = ByteBuffer.allocate(2 * (Frame.HEADER_BYTES + Frame.MAX_PAYLOAD));
        var view = new FrameView();
        FrameCodec.write(view.set(a), buffer);
        FrameCodec.write(view.set(b), buffer);
        buffer.flip();
        FrameCodec.read(buffer, view);
        assertThat(view.toFrame()).isEqualTo(a);
        FrameCodec.read(buffer, view);
        assertThat(view.toFrame()).isEqualTo(b);
        assertThat(buffer.hasRemaining()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("framesWithCuts")
    void everyStrictPrefixIsTruncated(Frame frame, double cut) {
        byte[] wire = FrameCodec.serialize(frame);
        int length = (int) (cut * wire.length);
        byte[] prefix = Arrays.copyOf(wire, Math.min(length, wire.length - 1));
        assertThatThrownBy(() -> FrameCodec.parse(prefix))
                .isInstanceOfSatisfying(
                        ZpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FRAME_TRUNCATED));
    }

    @Test
    void wireLayoutIsLengthTypeFlagsStream() {
        var frame = new Frame(FrameType.DATA, Frame.FLAG_END_STREAM, 0x01020304, new byte[] {(byte) 0xAA, (byte) 0xBB});
        assertThat(HexFormat.of().formatHex(FrameCodec.serialize(frame)))
                .isEqualTo("000002" + "00" + "01" + "01020304" + "aabb");
    }

    @Test
    void refusesMalformedInputWithItsReason() {
        assertReason("0000", Reason.FRAME_TRUNCATED);
        assertReason("010001" + "00" + "00" + "00000001", Reason.FRAME_TOO_LARGE);
        assertReason("000000" + "7f" + "00" + "00000000", Reason.UNKNOWN_FRAME_TYPE);
        assertReason("000004" + "00" + "00" + "00000001" + "aabb", Reason.FRAME_TRUNCATED);
        assertReason("000000" + "00" + "02" + "00000001", Reason.FRAME_INVALID); // undefined flag
        assertReason("000000" + "00" + "00" + "80000001", Reason.FRAME_INVALID); // reserved bit
        assertReason("000000" + "00" + "00" + "00000000", Reason.FRAME_INVALID); // DATA on stream 0
        assertReason(
                "000008" + "02" + "00" + "00000003" + "0000000000000000", Reason.FRAME_INVALID); // PING on a stream
        assertReason("000007" + "02" + "00" + "00000000" + "00000000000000", Reason.FRAME_INVALID); // PING of 7 bytes
        assertReason("000000" + "03" + "00" + "00000000" + "00", Reason.FRAME_INVALID); // trailing byte
    }

    @Test
    void refusesToSerializeAnInvalidView() {
        var view = new FrameView().set(FrameType.PING, 0, 0, ByteBuffer.allocate(3), 0, 3);
        assertThatThrownBy(() -> FrameCodec.write(view, ByteBuffer.allocate(64)))
                .isInstanceOfSatisfying(
                        ZpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FRAME_INVALID));
    }

    @Test
    void frameConstructorRefusesBrokenRules() {
        assertThatThrownBy(() -> new Frame(FrameType.DATA, 0, 0, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Frame(FrameType.DATA, 0, 1, new byte[Frame.MAX_PAYLOAD + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertReason(String hex, Reason reason) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThatThrownBy(() -> FrameCodec.parse(bytes))
                .as(hex)
                .isInstanceOfSatisfying(
                        ZpException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** The edge frames, then 500 random ones. */
    static Stream<Frame> frames() {
        var random = new SplittableRandom(SEED);
        return Stream.concat(
                edgeFrames().stream(),
                Stream.generate(() -> randomFrame(random)).limit(500));
    }

    /** Each edge frame followed by the next (the last by the first), then 200 random pairs. */
    static Stream<Arguments> framePairs() {
        var edges = edgeFrames();
        var random = new SplittableRandom(SEED + 1);
        return Stream.concat(
                IntStream.range(0, edges.size())
                        .mapToObj(i -> Arguments.of(edges.get(i), edges.get((i + 1) % edges.size()))),
                Stream.generate(() -> Arguments.of(randomFrame(random), randomFrame(random)))
                        .limit(200));
    }

    /** Each edge frame cut to nothing and to all but its last byte, then 300 random frames and cuts in [0, 1). */
    static Stream<Arguments> framesWithCuts() {
        var random = new SplittableRandom(SEED + 2);
        return Stream.concat(
                edgeFrames().stream().flatMap(frame -> Stream.of(Arguments.of(frame, 0.0), Arguments.of(frame, 1.0))),
                Stream.generate(() -> Arguments.of(randomFrame(random), random.nextDouble()))
                        .limit(300));
    }

    /**
     * Every type at the bounds of what it allows: shortest and longest payload (empty where allowed,
     * 64 KiB where allowed), no flags and every allowed flag, the lowest and highest stream id.
     */
    static List<Frame> edgeFrames() {
        var frames = new ArrayList<Frame>();
        for (var type : FrameType.values()) {
            int[] sizes = IntStream.of(type.minPayload(), type.maxPayload())
                    .distinct()
                    .toArray();
            int[] flags = IntStream.of(0, type.allowedFlags()).distinct().toArray();
            int[] streams = type.onStream() ? new int[] {1, Frame.MAX_STREAM_ID} : new int[] {0};
            for (int size : sizes) {
                byte[] payload = new byte[size];
                Arrays.fill(payload, size == type.minPayload() ? 0 : (byte) 0xFF);
                for (int flag : flags) {
                    for (int stream : streams) {
                        frames.add(new Frame(type, flag, stream, payload));
                    }
                }
            }
        }
        return frames;
    }

    /** Any type, any of its flags, any stream id it allows, a random payload of an allowed length. */
    private static Frame randomFrame(SplittableRandom random) {
        var types = FrameType.values();
        var type = types[random.nextInt(types.length)];
        int flags = random.nextInt(0x100) & type.allowedFlags();
        int streamId = type.onStream() ? 1 + random.nextInt(Frame.MAX_STREAM_ID) : 0;
        byte[] payload =
                new byte[random.nextInt(type.minPayload(), Math.min(type.maxPayload(), RANDOM_PAYLOAD_LIMIT) + 1)];
        random.nextBytes(payload);
        return new Frame(type, flags, streamId, payload);
    }
}
