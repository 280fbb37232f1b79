package dev.benchrun.suites.zp.connection;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import dev.benchrun.suites.zp.frame.Frame;
import dev.benchrun.suites.zp.frame.FrameCodec;
import dev.benchrun.suites.zp.frame.FrameType;
import dev.benchrun.suites.zp.frame.FrameView;
import dev.benchrun.suites.zp.handshake.SessionSecrets;
import dev.benchrun.suites.zp.record.RecordHeader;
import dev.benchrun.suites.zp.record.RecordOpener;
import dev.benchrun.suites.zp.record.RecordSealer;
import dev.benchrun.suites.zp.record.TrafficKeys;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An established connection (spec section 7.1): the record keys of each direction, the secret a
 * re-handshake starts from, and the open streams. Frames in, records out, and back.
 */
public final class Connection {

    /** Which end of the handshake this connection was. Clients open odd streams, servers even. */
    public enum Role {
        CLIENT,
        SERVER
    }

    private final Role role;
    private RecordSealer sealer;
    private RecordOpener opener;
    private byte[] rehandshakeSecret;
    private final Map<Integer, Stream> streams = new HashMap<>();
    private int nextStreamId;

    private Connection(Role role, SessionSecrets secrets) {
        this.role = role;
        this.nextStreamId = role == Role.CLIENT ? 1 : 2;
        install(secrets, 0, 0);
    }

    /** The connection a completed handshake opens; both ends pass the same secrets. */
    public static Connection establish(Role role, SessionSecrets secrets) {
        return new Connection(role, secrets);
    }

    public Stream openStream() {
        if (nextStreamId > Frame.MAX_STREAM_ID || nextStreamId < 0) {
            throw new IllegalStateException("stream ids exhausted");
        }
        var stream = new Stream(nextStreamId);
        streams.put(nextStreamId, stream);
        nextStreamId += 2;
        return stream;
    }

    public Stream stream(int id) {
        return streams.get(id);
    }

    public int streamCount() {
        return streams.size();
    }

    /** Seals {@code frames} into one record, updating the streams they belong to. */
    public byte[] send(Frame... frames) throws ZpException {
        int size = 0;
        for (Frame f : frames) {
            size += Frame.HEADER_BYTES + f.payload().length;
        }
        var plaintext = ByteBuffer.allocate(size);
        var view = new FrameView();
        for (Frame f : frames) {
            if (f.type() == FrameType.DATA) {
                Stream stream = streams.get(f.streamId());
                if (stream == null) {
                    throw new ZpException(Reason.STREAM_STATE, "stream " + f.streamId() + " is not open");
                }
                stream.sent(f.payload().length, (f.flags() & Frame.FLAG_END_STREAM) != 0);
            }
            FrameCodec.write(view.set(f), plaintext);
        }
        plaintext.flip();
        var record = ByteBuffer.allocate(RecordHeader.BYTES + size + 16);
        sealer.seal(plaintext, record);
        return record.array();
    }

    /** Opens a record and applies its frames; returns them for the application. */
    public List<Frame> receive(byte[] record) throws ZpException {
        ByteBuffer plaintext = ByteBuffer.wrap(opener.open(record));
        var view = new FrameView();
        var frames = new ArrayList<Frame>();
        boolean keyUpdate = false;
        while (plaintext.hasRemaining()) {
            FrameCodec.read(plaintext, view);
            Frame frame = view.toFrame();
            switch (frame.type()) {
                case DATA ->
                    peerStream(frame.streamId())
                            .received(frame.payload().length, (frame.flags() & Frame.FLAG_END_STREAM) != 0);
                case RESET_STREAM -> peerStream(frame.streamId()).reset();
                case KEY_UPDATE -> keyUpdate = true;
                default -> {}
            }
            frames.add(frame);
        }
        // A KEY_UPDATE ends its epoch: every later record from the peer uses the next keys.
        if (keyUpdate) {
            opener = new RecordOpener(nextKeys(opener.keys()));
        }
        return frames;
    }

    /** Sends KEY_UPDATE under the current keys and ratchets this side's sending keys. */
    public byte[] updateKeys(boolean requestPeerUpdate) throws ZpException {
        byte[] record = send(
                new Frame(FrameType.KEY_UPDATE, requestPeerUpdate ? Frame.FLAG_UPDATE_REQUESTED : 0, 0, new byte[0]));
        sealer = new RecordSealer(nextKeys(sealer.keys()));
        return record;
    }

    /** The secret a re-handshake on this connection feeds to its key schedule as a PSK. */
    public byte[] rehandshakeSecret() {
        return rehandshakeSecret.clone();
    }

    /** Switches both directions to the keys of a completed re-handshake, each to its next epoch. */
    public void installRehandshake(SessionSecrets secrets) throws ZpException {
        install(secrets, nextEpoch(sealer.keys()), nextEpoch(opener.keys()));
    }

    public TrafficKeys sendingKeys() {
        return sealer.keys();
    }

    public TrafficKeys receivingKeys() {
        return opener.keys();
    }

    public Role role() {
        return role;
    }

    private void install(SessionSecrets secrets, int sendEpoch, int receiveEpoch) {
        boolean client = role == Role.CLIENT;
        byte[] sendSecret = client ? secrets.clientTraffic() : secrets.serverTraffic();
        byte[] receiveSecret = client ? secrets.serverTraffic() : secrets.clientTraffic();
        sealer = new RecordSealer(new TrafficKeys(secrets.aead(), sendEpoch, sendSecret));
        opener = new RecordOpener(new TrafficKeys(secrets.aead(), receiveEpoch, receiveSecret));
        rehandshakeSecret = secrets.rehandshake().clone();
    }

    /** The stream a peer's frame names, opened on first use when the id is the peer's to open. */
    private Stream peerStream(int id) throws ZpException {
        Stream stream = streams.get(id);
        if (stream != null) {
            return stream;
        }
        boolean peerOpens = (id % 2 == 1) == (role == Role.SERVER);
        if (!peerOpens) {
            throw new ZpException(Reason.STREAM_STATE, "peer used stream " + id + ", which only we may open");
        }
        stream = new Stream(id);
        streams.put(id, stream);
        return stream;
    }

    private static TrafficKeys nextKeys(TrafficKeys keys) throws ZpException {
        nextEpoch(keys);
        return keys.ratchet();
    }

    private static int nextEpoch(TrafficKeys keys) throws ZpException {
        if (keys.epoch() >= TrafficKeys.MAX_EPOCH) {
            throw new ZpException(Reason.KEY_EXHAUSTED, "epochs exhausted; close the connection");
        }
        return keys.epoch() + 1;
    }
}
