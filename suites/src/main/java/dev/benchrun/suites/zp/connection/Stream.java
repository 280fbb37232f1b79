package dev.benchrun.suites.zp.connection;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;

/** One stream's state (spec section 7.2): its id, where it is in its life, and the bytes each way. */
public final class Stream {

    /** A stream's life: open, closed by one side, closed by both, or reset by either. */
    public enum State {
        OPEN,
        HALF_CLOSED_LOCAL,
        HALF_CLOSED_REMOTE,
        CLOSED,
        RESET
    }

    private final int id;
    private State state = State.OPEN;
    private long bytesSent;
    private long bytesReceived;

    public Stream(int id) {
        if (id <= 0) {
            throw new IllegalArgumentException("stream ids start at 1");
        }
        this.id = id;
    }

    void sent(int bytes, boolean endStream) throws ZpException {
        if (state != State.OPEN && state != State.HALF_CLOSED_REMOTE) {
            throw new ZpException(Reason.STREAM_STATE, "stream " + id + " cannot send in state " + state);
        }
        bytesSent += bytes;
        if (endStream) {
            state = state == State.OPEN ? State.HALF_CLOSED_LOCAL : State.CLOSED;
        }
    }

    void received(int bytes, boolean endStream) throws ZpException {
        if (state != State.OPEN && state != State.HALF_CLOSED_LOCAL) {
            throw new ZpException(Reason.STREAM_STATE, "stream " + id + " received data in state " + state);
        }
        bytesReceived += bytes;
        if (endStream) {
            state = state == State.OPEN ? State.HALF_CLOSED_REMOTE : State.CLOSED;
        }
    }

    void reset() {
        state = State.RESET;
    }

    public int id() {
        return id;
    }

    public State state() {
        return state;
    }

    public long bytesSent() {
        return bytesSent;
    }

    public long bytesReceived() {
        return bytesReceived;
    }
}
