package dev.benchrun.suites.zp.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

  @Property(tries = 500)
  void parseInvertsSerialize(@ForAll("frames") Frame frame) throws ZpException {
    assertThat(FrameCodec.parse(FrameCodec.serialize(frame))).isEqualTo(frame);
  }

  @Property(tries = 200)
  void viewsRoundTripBackToBackFramesInOneBuffer(@ForAll("frames") Frame a, @ForAll("frames") Frame b)
      throws ZpException {
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

  @Property(tries = 300)
  void everyStrictPrefixIsTruncated(@ForAll("frames") Frame frame, @ForAll("fractions") double cut) {
    byte[] wire = FrameCodec.serialize(frame);
    int length = (int) (cut * wire.length);
    byte[] prefix = java.util.Arrays.copyOf(wire, Math.min(length, wire.length - 1));
    assertThatThrownBy(() -> FrameCodec.parse(prefix))
        .isInstanceOfSatisfying(ZpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FRAME_TRUNCATED));
  }

  @Test
  void wireLayoutIsLengthTypeFlagsStream() {
    var frame = new Frame(FrameType.DATA, Frame.FLAG_END_STREAM, 0x01020304, new byte[] {(byte) 0xAA, (byte) 0xBB});
    assertThat(HexFormat.of().formatHex(FrameCodec.serialize(frame))).isEqualTo("000002" + "00" + "01" + "01020304" + "aabb");
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
    assertReason("000008" + "02" + "00" + "00000003" + "0000000000000000", Reason.FRAME_INVALID); // PING on a stream
    assertReason("000007" + "02" + "00" + "00000000" + "00000000000000", Reason.FRAME_INVALID); // PING of 7 bytes
    assertReason("000000" + "03" + "00" + "00000000" + "00", Reason.FRAME_INVALID); // trailing byte
  }

  @Test
  void refusesToSerializeAnInvalidView() {
    var view = new FrameView().set(FrameType.PING, 0, 0, ByteBuffer.allocate(3), 0, 3);
    assertThatThrownBy(() -> FrameCodec.write(view, ByteBuffer.allocate(64)))
        .isInstanceOfSatisfying(ZpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FRAME_INVALID));
  }

  @Test
  void frameConstructorRefusesBrokenRules() {
    assertThatThrownBy(() -> new Frame(FrameType.DATA, 0, 0, new byte[1])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Frame(FrameType.DATA, 0, 1, new byte[Frame.MAX_PAYLOAD + 1]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertReason(String hex, Reason reason) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertThatThrownBy(() -> FrameCodec.parse(bytes))
        .as(hex)
        .isInstanceOfSatisfying(ZpException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1);
  }

  @Provide
  Arbitrary<Frame> frames() {
    return Arbitraries.of(FrameType.class).flatMap(type -> Combinators.combine(
            Arbitraries.integers().between(0, 0xFF).map(f -> f & type.allowedFlags()),
            type.onStream() ? Arbitraries.integers().between(1, Frame.MAX_STREAM_ID) : Arbitraries.just(0),
            Arbitraries.bytes().array(byte[].class)
                .ofMinSize(type.minPayload())
                .ofMaxSize(Math.min(type.maxPayload(), 2048))
                .edgeCases(c -> c.includeOnly()))
        .as((flags, stream, payload) -> new Frame(type, flags, stream, payload)));
  }
}
