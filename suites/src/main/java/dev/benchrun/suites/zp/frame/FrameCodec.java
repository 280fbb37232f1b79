package dev.benchrun.suites.zp.frame;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import java.nio.ByteBuffer;

/** Reads and writes the frame wire format (spec section 2): a 9-byte header, then the payload. */
public final class FrameCodec {

    private FrameCodec() {}

    /**
     * Writes {@code frame} at {@code out}'s position and advances it. Allocates nothing. A frame
     * that breaks a rule is refused rather than sent, so a peer never sees our mistakes.
     */
    public static void write(FrameView frame, ByteBuffer out) throws ZpException {
        int length = frame.payloadLength();
        String problem = FrameRules.check(frame.type(), frame.flags(), frame.streamId(), length);
        if (problem != null) {
            throw new ZpException(Reason.FRAME_INVALID, problem);
        }
        if (out.remaining() < Frame.HEADER_BYTES + length) {
            throw new IllegalArgumentException("output buffer too small for the frame");
        }
        int at = out.position();
        out.put(at, (byte) (length >>> 16));
        out.put(at + 1, (byte) (length >>> 8));
        out.put(at + 2, (byte) length);
        out.put(at + 3, (byte) frame.type().code());
        out.put(at + 4, (byte) frame.flags());
        out.putInt(at + 5, frame.streamId());
        out.put(at + Frame.HEADER_BYTES, frame.payloadBuffer(), frame.payloadOffset(), length);
        out.position(at + Frame.HEADER_BYTES + length);
    }

    /**
     * Parses one frame at {@code in}'s position into {@code view} and advances past it; the view's
     * payload then refers to {@code in}. Allocates nothing unless the frame is malformed.
     */
    public static void read(ByteBuffer in, FrameView view) throws ZpException {
        int at = in.position();
        if (in.limit() - at < Frame.HEADER_BYTES) {
            throw new ZpException(Reason.FRAME_TRUNCATED, "fewer than 9 header bytes");
        }
        int length = (in.get(at) & 0xFF) << 16 | (in.get(at + 1) & 0xFF) << 8 | in.get(at + 2) & 0xFF;
        if (length > Frame.MAX_PAYLOAD) {
            throw new ZpException(Reason.FRAME_TOO_LARGE, "payload length " + length + " > " + Frame.MAX_PAYLOAD);
        }
        FrameType type = FrameType.fromCode(in.get(at + 3));
        if (type == null) {
            throw new ZpException(Reason.UNKNOWN_FRAME_TYPE, "type 0x" + Integer.toHexString(in.get(at + 3) & 0xFF));
        }
        if (in.limit() - at - Frame.HEADER_BYTES < length) {
            throw new ZpException(Reason.FRAME_TRUNCATED, "payload shorter than its length field");
        }
        int flags = in.get(at + 4) & 0xFF;
        int streamId = in.getInt(at + 5);
        String problem = FrameRules.check(type, flags, streamId, length);
        if (problem != null) {
            throw new ZpException(Reason.FRAME_INVALID, problem);
        }
        view.set(type, flags, streamId, in, at + Frame.HEADER_BYTES, length);
        in.position(at + Frame.HEADER_BYTES + length);
    }

    /** The frame's wire bytes. */
    public static byte[] serialize(Frame frame) {
        var out = ByteBuffer.allocate(Frame.HEADER_BYTES + frame.payloadLength());
        try {
            write(new FrameView().set(frame), out);
        } catch (ZpException e) {
            // A Frame is checked on construction, so it always serializes.
            throw new IllegalStateException(e);
        }
        return out.array();
    }

    /** Parses exactly one frame; bytes left over after it make the input malformed. */
    public static Frame parse(byte[] bytes) throws ZpException {
        var in = ByteBuffer.wrap(bytes);
        var view = new FrameView();
        read(in, view);
        if (in.hasRemaining()) {
            throw new ZpException(Reason.FRAME_INVALID, in.remaining() + " bytes after the frame");
        }
        return view.toFrame();
    }
}
