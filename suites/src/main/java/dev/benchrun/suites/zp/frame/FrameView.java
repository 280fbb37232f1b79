package dev.benchrun.suites.zp.frame;

import java.nio.ByteBuffer;

/**
 * A mutable, reusable frame: the payload is a window onto a buffer, never a copy, so parsing and
 * serializing through a view allocates nothing.
 */
public final class FrameView {

    private FrameType type;
    private int flags;
    private int streamId;
    private ByteBuffer payloadBuffer;
    private int payloadOffset;
    private int payloadLength;

    /** Points this view at a frame whose payload is {@code length} bytes of {@code buffer} at {@code offset}. */
    public FrameView set(FrameType type, int flags, int streamId, ByteBuffer buffer, int offset, int length) {
        this.type = type;
        this.flags = flags;
        this.streamId = streamId;
        this.payloadBuffer = buffer;
        this.payloadOffset = offset;
        this.payloadLength = length;
        return this;
    }

    /** Points this view at an immutable frame (the view then shares the frame's payload). */
    public FrameView set(Frame frame) {
        return set(
                frame.type(),
                frame.flags(),
                frame.streamId(),
                ByteBuffer.wrap(frame.payloadUnsafe()),
                0,
                frame.payloadLength());
    }

    public FrameType type() {
        return type;
    }

    public int flags() {
        return flags;
    }

    public int streamId() {
        return streamId;
    }

    public int payloadLength() {
        return payloadLength;
    }

    public ByteBuffer payloadBuffer() {
        return payloadBuffer;
    }

    public int payloadOffset() {
        return payloadOffset;
    }

    /** The payload byte at {@code index} (0-based within the payload). */
    public byte payloadByte(int index) {
        if (index < 0 || index >= payloadLength) {
            throw new IndexOutOfBoundsException(index);
        }
        return payloadBuffer.get(payloadOffset + index);
    }

    /** Copies the payload out; the one place a view allocates, for callers that keep the frame. */
    public Frame toFrame() {
        var bytes = new byte[payloadLength];
        payloadBuffer.get(payloadOffset, bytes, 0, payloadLength);
        return new Frame(type, flags, streamId, bytes);
    }
}
