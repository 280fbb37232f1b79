package dev.benchrun.suites.zp.bench;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.connection.Connection;
import dev.benchrun.suites.zp.connection.Stream;
import dev.benchrun.suites.zp.handshake.ClientHandshake;
import dev.benchrun.suites.zp.handshake.ServerHandshake;
import dev.benchrun.suites.zp.handshake.SessionSecrets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jol.info.GraphLayout;

/**
 * zp memory: each benchmark builds the object (its time is the primary score) and reports the
 * object's measured size in bytes as the secondary metric "bytes".
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(jvmArgsAppend = "-Djdk.attach.allowAttachSelf=true")
public class MemoryBenchmarks {

    /**
     * The size counter: every measurement iteration reports the measured size. JMH's score for an
     * EVENTS counter is the sum over all iterations and forks, so benchrun judges the mean of the
     * iterations' values instead (the manifest names this metric), which is the size itself.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Size {
        public double bytes;
        Object last;
        long measured;

        @TearDown(Level.Iteration)
        public void measure(IterationParams params) {
            if (last != null) {
                measured = GraphLayout.parseInstance(last).totalSize();
            }
            bytes = params.getType() == IterationType.MEASUREMENT ? measured : 0;
        }
    }

    private BenchPeers peers;
    private SessionSecrets secrets;
    private int streamId;

    @Setup(Level.Trial)
    public void setUp() throws ZpException {
        peers = new BenchPeers();
        var client = ClientHandshake.strangerPqc1(peers.client);
        var server = new ServerHandshake(peers.server);
        server.finish(client.receive(server.receive(client.hello())));
        secrets = server.secrets();
    }

    /** An established connection with one open stream that has carried data. */
    @Benchmark
    public Connection connection_state_size(Size size) throws ZpException {
        var connection = Connection.establish(Connection.Role.SERVER, secrets);
        connection.openStream();
        size.last = connection;
        return connection;
    }

    @Benchmark
    public Stream stream_state_size(Size size) {
        streamId = streamId >= 0x7FFF_FFF0 ? 1 : streamId + 2;
        var stream = new Stream(streamId | 1);
        size.last = stream;
        return stream;
    }

    /** The serialized token: its length is its size. */
    @Benchmark
    public void state_token_size(Size size, Blackhole hole) {
        byte[] token = peers.tokens.issue(secrets, 24 * 3600);
        size.measured = token.length;
        hole.consume(token);
    }
}
