package dev.benchrun.suites.zp.frame;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable frame: a value for tests, queues and logs; the hot path uses {@link FrameView}. */
public record Frame(FrameType type, int flags, int streamId, byte[] payload) {

    /** Bytes before the payload: length (3), type (1), flags (1), stream id (4). */
    public static final int HEADER_BYTES = 9;
    /** The largest payload any frame may carry (64 KiB). */
    public static final int MAX_PAYLOAD = 65_536;
    /** The largest stream id: 31 bits, the top bit of the field is reserved. */
    public static final int MAX_STREAM_ID = 0x7FFF_FFFF;

    public static final int FLAG_END_STREAM = 0x01;
    public static final int FLAG_ACK = 0x01;
    public static final int FLAG_UPDATE_REQUESTED = 0x01;

    public Frame {
        if (type == null || payload == null) {
            throw new IllegalArgumentException("type and payload are required");
        }
        payload = payload.clone();
        String problem = FrameRules.check(type, flags, streamId, payload.length);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    int payloadLength() {
        return payload.length;
    }

    byte[] payloadUnsafe() {
        return payload;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f
                && f.type == type
                && f.flags == flags
                && f.streamId == streamId
                && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return ((type.hashCode() * 31 + flags) * 31 + streamId) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        String hex = HexFormat.of().formatHex(payload, 0, Math.min(payload.length, 16));
        return "Frame[" + type + " flags=" + flags + " stream=" + streamId + " len=" + payload.length + " payload="
                + hex + (payload.length > 16 ? "…" : "") + "]";
    }
}
