package dev.benchrun.suites.zp.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import dev.benchrun.suites.zp.frame.Frame;
import dev.benchrun.suites.zp.frame.FrameType;
import dev.benchrun.suites.zp.handshake.ClientConfig;
import dev.benchrun.suites.zp.handshake.ClientHandshake;
import dev.benchrun.suites.zp.handshake.ServerConfig;
import dev.benchrun.suites.zp.handshake.ServerHandshake;
import dev.benchrun.suites.zp.handshake.TokenSealer;
import dev.benchrun.suites.zp.record.AeadSuite;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionTest {

    private final SecureRandom random = new SecureRandom();
    private final ClientConfig clientConfig = new ClientConfig(List.of(AeadSuite.CHACHA20_POLY1305), random);
    private ServerConfig serverConfig;
    private LocalPair pair;

    @BeforeEach
    void connect() throws ZpException {
        var key = new byte[32];
        random.nextBytes(key);
        serverConfig = new ServerConfig(
                "s".getBytes(),
                List.of(AeadSuite.AES_256_GCM, AeadSuite.CHACHA20_POLY1305),
                Map.of(),
                new TokenSealer(List.of(new TokenSealer.TokenKey(1, key)), Clock.systemUTC(), random),
                random);
        pair = LocalPair.establish(ClientHandshake.strangerClassical(clientConfig), new ServerHandshake(serverConfig));
    }

    @Test
    void dataFlowsOnStreamsAndEndStreamClosesThem() throws ZpException {
        Stream stream = pair.client().openStream();
        assertThat(stream.id()).isEqualTo(1);
        var data = new Frame(FrameType.DATA, 0, 1, "hello".getBytes());
        assertThat(pair.server().receive(pair.client().send(data))).containsExactly(data);
        Stream atServer = pair.server().stream(1);
        assertThat(atServer.bytesReceived()).isEqualTo(5);

        pair.client().receive(pair.server().send(new Frame(FrameType.DATA, Frame.FLAG_END_STREAM, 1, new byte[3])));
        assertThat(stream.state()).isEqualTo(Stream.State.HALF_CLOSED_REMOTE);
        pair.server().receive(pair.client().send(new Frame(FrameType.DATA, Frame.FLAG_END_STREAM, 1, new byte[0])));
        assertThat(stream.state()).isEqualTo(Stream.State.CLOSED);
        assertThat(atServer.state()).isEqualTo(Stream.State.CLOSED);
        assertThatThrownBy(() -> pair.client().send(new Frame(FrameType.DATA, 0, 1, new byte[1])))
                .isInstanceOfSatisfying(
                        ZpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STREAM_STATE));
    }

    @Test
    void aPeerCannotOpenOurStreams() throws ZpException {
        byte[] record = pair.server().send(new Frame(FrameType.PING, 0, 0, new byte[8]));
        pair.client().receive(record);
        // Server-opened ids are even; an odd id from the server is the client's to open.
        byte[] bad = pair.server().send(new Frame(FrameType.RESET_STREAM, 0, 3, new byte[4]));
        assertThatThrownBy(() -> pair.client().receive(bad))
                .isInstanceOfSatisfying(
                        ZpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STREAM_STATE));
    }

    @Test
    void keyUpdateRatchetsBothDirections() throws ZpException {
        byte[] before = pair.client().sendingKeys().secret();
        pair.updateKeys();
        assertThat(pair.client().sendingKeys().epoch()).isEqualTo(1);
        assertThat(pair.client().receivingKeys().epoch()).isEqualTo(1);
        assertThat(pair.server().sendingKeys().secret())
                .isEqualTo(pair.client().receivingKeys().secret());
        assertThat(pair.client().sendingKeys().secret())
                .isEqualTo(pair.server().receivingKeys().secret())
                .isNotEqualTo(before);
        var ping = new Frame(FrameType.PING, 0, 0, new byte[8]);
        assertThat(pair.server().receive(pair.client().send(ping))).containsExactly(ping);
    }

    @Test
    void rehandshakeInstallsFreshKeysAtTheNextEpoch() throws ZpException {
        byte[] oldSecret = pair.client().sendingKeys().secret();
        byte[] oldRecord = pair.client().send(new Frame(FrameType.PING, 0, 0, new byte[8]));
        pair.rehandshake(clientConfig, serverConfig);
        assertThat(pair.client().sendingKeys().epoch()).isEqualTo(1);
        assertThat(pair.client().sendingKeys().secret())
                .isNotEqualTo(oldSecret)
                .isEqualTo(pair.server().receivingKeys().secret());
        assertThat(pair.client().sendingKeys().suite()).isEqualTo(AeadSuite.CHACHA20_POLY1305);
        var ping = new Frame(FrameType.PING, Frame.FLAG_ACK, 0, new byte[8]);
        assertThat(pair.client().receive(pair.server().send(ping))).containsExactly(ping);
        assertThatThrownBy(() -> pair.server().receive(oldRecord))
                .isInstanceOfSatisfying(
                        ZpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_EPOCH));
    }

    @Test
    void aRehandshakeBoundToAnotherConnectionFails() throws ZpException {
        var other =
                LocalPair.establish(ClientHandshake.strangerClassical(clientConfig), new ServerHandshake(serverConfig));
        var client = ClientHandshake.rehandshake(clientConfig, pair.client().rehandshakeSecret());
        var server = ServerHandshake.rehandshake(serverConfig, other.server().rehandshakeSecret());
        byte[] flight = server.receive(client.hello());
        assertThatThrownBy(() -> client.receive(flight))
                .isInstanceOfSatisfying(
                        ZpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_FINISHED));
    }
}
