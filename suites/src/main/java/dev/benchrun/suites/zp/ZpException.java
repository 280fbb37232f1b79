package dev.benchrun.suites.zp;

/** The one exception type of the zp protocol: every failure a peer can cause carries a {@link Reason}. */
public final class ZpException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a frame, record, handshake or token was refused; the spec (docs/zp-protocol.md) names each. */
    public enum Reason {
        FRAME_TRUNCATED,
        FRAME_TOO_LARGE,
        UNKNOWN_FRAME_TYPE,
        FRAME_INVALID,
        RECORD_MALFORMED,
        RECORD_TOO_LARGE,
        WRONG_EPOCH,
        BAD_RECORD_MAC,
        REPLAYED_RECORD,
        KEY_EXHAUSTED,
        HANDSHAKE_MALFORMED,
        UNEXPECTED_MESSAGE,
        UNSUPPORTED_VERSION,
        NO_COMMON_AEAD,
        BAD_KEY_SHARE,
        BAD_FINISHED,
        AUTHENTICATION_FAILED,
        UNKNOWN_IDENTITY,
        BAD_TOKEN,
        TOKEN_EXPIRED,
        STREAM_STATE
    }

    private final Reason reason;

    public ZpException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public ZpException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
