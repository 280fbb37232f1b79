package dev.benchrun.suites.zp.connection;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import dev.benchrun.suites.zp.frame.Frame;
import dev.benchrun.suites.zp.frame.FrameType;
import dev.benchrun.suites.zp.handshake.ClientConfig;
import dev.benchrun.suites.zp.handshake.ClientHandshake;
import dev.benchrun.suites.zp.handshake.ServerConfig;
import dev.benchrun.suites.zp.handshake.ServerHandshake;
import java.util.List;

/**
 * Both ends of one connection in one process, passing records by hand: how the tests and the
 * benchmarks drive exchanges that a real deployment splits across two machines.
 */
public final class LocalPair {

    private final Connection client;
    private final Connection server;

    private LocalPair(Connection client, Connection server) {
        this.client = client;
        this.server = server;
    }

    /** Runs {@code clientSide} against {@code serverSide} and opens a connection at each end. */
    public static LocalPair establish(ClientHandshake clientSide, ServerHandshake serverSide) throws ZpException {
        byte[] serverFlight = serverSide.receive(clientSide.hello());
        serverSide.finish(clientSide.receive(serverFlight));
        return new LocalPair(
                Connection.establish(Connection.Role.CLIENT, clientSide.secrets()),
                Connection.establish(Connection.Role.SERVER, serverSide.secrets()));
    }

    /** Key rotation by ratchet: the client updates and asks the server to, the server follows. */
    public void updateKeys() throws ZpException {
        List<Frame> atServer = server.receive(client.updateKeys(true));
        boolean requested = atServer.stream()
                .anyMatch(f -> f.type() == FrameType.KEY_UPDATE && (f.flags() & Frame.FLAG_UPDATE_REQUESTED) != 0);
        if (requested) {
            client.receive(server.updateKeys(false));
        }
    }

    /** Key rotation by a full stranger pqc1 re-handshake carried in HANDSHAKE frames. */
    public void rehandshake(ClientConfig clientConfig, ServerConfig serverConfig) throws ZpException {
        var clientSide = ClientHandshake.rehandshake(clientConfig, client.rehandshakeSecret());
        var serverSide = ServerHandshake.rehandshake(serverConfig, server.rehandshakeSecret());
        byte[] hello = handshakePayload(server.receive(client.send(handshakeFrame(clientSide.hello()))));
        byte[] serverFlight = handshakePayload(client.receive(server.send(handshakeFrame(serverSide.receive(hello)))));
        byte[] clientFlight =
                handshakePayload(server.receive(client.send(handshakeFrame(clientSide.receive(serverFlight)))));
        serverSide.finish(clientFlight);
        client.installRehandshake(clientSide.secrets());
        server.installRehandshake(serverSide.secrets());
    }

    public Connection client() {
        return client;
    }

    public Connection server() {
        return server;
    }

    private static Frame handshakeFrame(byte[] message) {
        return new Frame(FrameType.HANDSHAKE, 0, 0, message);
    }

    private static byte[] handshakePayload(List<Frame> frames) throws ZpException {
        if (frames.size() != 1 || frames.get(0).type() != FrameType.HANDSHAKE) {
            throw new ZpException(Reason.UNEXPECTED_MESSAGE, "expected one HANDSHAKE frame");
        }
        return frames.get(0).payload();
    }
}
