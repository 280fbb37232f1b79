package dev.benchrun.suites.zp.frame;

/** The per-type rules of section 2.3 of the spec, shared by the codec and the value types. */
final class FrameRules {

    private FrameRules() {}

    /**
     * Returns null when the fields make a valid frame, otherwise what is wrong. The happy path
     * allocates nothing: the messages are constants.
     */
    static String check(FrameType type, int flags, int streamId, int payloadLength) {
        if ((flags & ~type.allowedFlags() & 0xFF) != 0 || flags < 0 || flags > 0xFF) {
            return "undefined flag bits for this frame type";
        }
        if (streamId < 0) {
            return "reserved stream id bit is set";
        }
        if (type.onStream() == (streamId == 0)) {
            return type.onStream() ? "stream frame on stream 0" : "connection frame on a stream";
        }
        if (payloadLength < type.minPayload() || payloadLength > type.maxPayload()) {
            return "payload length outside this frame type's range";
        }
        return null;
    }
}
