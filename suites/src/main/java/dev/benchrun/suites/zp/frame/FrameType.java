package dev.benchrun.suites.zp.frame;

/** The closed set of frame types, each with the flags, stream id and payload sizes it allows. */
public enum FrameType {
    DATA(0x00, Frame.FLAG_END_STREAM, true, 0, Frame.MAX_PAYLOAD),
    RESET_STREAM(0x01, 0, true, 4, 4),
    PING(0x02, Frame.FLAG_ACK, false, 8, 8),
    KEY_UPDATE(0x03, Frame.FLAG_UPDATE_REQUESTED, false, 0, 0),
    NEW_TOKEN(0x04, 0, false, 1, 1024),
    HANDSHAKE(0x05, 0, false, 1, Frame.MAX_PAYLOAD),
    CLOSE(0x06, 0, false, 4, 4);

    // Indexed by wire code, so a lookup neither allocates (values() clones) nor searches.
    private static final FrameType[] BY_CODE = new FrameType[256];

    static {
        for (var t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final int allowedFlags;
    private final boolean onStream;
    private final int minPayload;
    private final int maxPayload;

    FrameType(int code, int allowedFlags, boolean onStream, int minPayload, int maxPayload) {
        this.code = code;
        this.allowedFlags = allowedFlags;
        this.onStream = onStream;
        this.minPayload = minPayload;
        this.maxPayload = maxPayload;
    }

    /** The type for a wire code, or null when the code is not assigned. */
    public static FrameType fromCode(int code) {
        return BY_CODE[code & 0xFF];
    }

    public int code() {
        return code;
    }

    public int allowedFlags() {
        return allowedFlags;
    }

    /** True when frames of this type belong to a stream (id != 0); false for connection frames (id 0). */
    public boolean onStream() {
        return onStream;
    }

    public int minPayload() {
        return minPayload;
    }

    public int maxPayload() {
        return maxPayload;
    }
}
