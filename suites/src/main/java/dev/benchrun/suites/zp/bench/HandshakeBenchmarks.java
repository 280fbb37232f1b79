package dev.benchrun.suites.zp.bench;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.connection.LocalPair;
import dev.benchrun.suites.zp.handshake.ClientHandshake;
import dev.benchrun.suites.zp.handshake.ResumptionTicket;
import dev.benchrun.suites.zp.handshake.ServerHandshake;
import dev.benchrun.suites.zp.handshake.SessionSecrets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** zp handshakes, both sides per invocation, sampled so the percentiles (p99) are known. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class HandshakeBenchmarks {

    private BenchPeers peers;
    private ResumptionTicket ticket;
    private LocalPair connection;

    @Setup(Level.Trial)
    public void setUp() throws ZpException {
        peers = new BenchPeers();
        var client = ClientHandshake.knownPqc1(peers.client, peers.registration.prover(), BenchPeers.SERVER_ID);
        var server = new ServerHandshake(peers.server);
        LocalPair.establish(client, server);
        ticket = ResumptionTicket.of(peers.tokens.issue(server.secrets(), 24 * 3600), client.secrets());
    }

    /** A fresh connection each iteration, so its 16-bit key epochs never run out however long the run. */
    @Setup(Level.Iteration)
    public void connect() throws ZpException {
        connection =
                LocalPair.establish(ClientHandshake.strangerClassical(peers.client), new ServerHandshake(peers.server));
    }

    @Benchmark
    public SessionSecrets stranger_handshake_pqc1() throws ZpException {
        return run(ClientHandshake.strangerPqc1(peers.client));
    }

    @Benchmark
    public SessionSecrets stranger_handshake_classical() throws ZpException {
        return run(ClientHandshake.strangerClassical(peers.client));
    }

    @Benchmark
    public SessionSecrets known_handshake_pqc1() throws ZpException {
        return run(ClientHandshake.knownPqc1(peers.client, peers.registration.prover(), BenchPeers.SERVER_ID));
    }

    @Benchmark
    public SessionSecrets session_resume() throws ZpException {
        return run(ClientHandshake.resume(peers.client, ticket));
    }

    /** Both kinds of rotation: an HKDF ratchet each way, then a full re-handshake inside the connection. */
    @Benchmark
    public LocalPair key_rotation() throws ZpException {
        connection.updateKeys();
        connection.rehandshake(peers.client, peers.server);
        return connection;
    }

    private SessionSecrets run(ClientHandshake client) throws ZpException {
        var server = new ServerHandshake(peers.server);
        byte[] serverFlight = server.receive(client.hello());
        server.finish(client.receive(serverFlight));
        return server.secrets();
    }
}
