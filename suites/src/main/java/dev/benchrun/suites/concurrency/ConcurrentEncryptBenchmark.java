package dev.benchrun.suites.concurrency;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;

/** One workload ({@link RecordSealer}) at 1, 2, 4, 8 and 16 threads: total seals per second, for the scaling curve. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConcurrentEncryptBenchmark {
    /** Each benchmark thread's own sealer: its own key, nonces and buffers. */
    @State(Scope.Thread)
    public static class PerThread {
        RecordSealer sealer;

        @Setup
        public void setup(ThreadParams thread) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            sealer = new RecordSealer(key, thread.getThreadIndex());
        }
    }

    @Benchmark
    @Threads(1)
    public int concurrent_encrypt_1t(PerThread state) {
        return state.sealer.sealNext();
    }

    @Benchmark
    @Threads(2)
    public int concurrent_encrypt_2t(PerThread state) {
        return state.sealer.sealNext();
    }

    @Benchmark
    @Threads(4)
    public int concurrent_encrypt_4t(PerThread state) {
        return state.sealer.sealNext();
    }

    @Benchmark
    @Threads(8)
    public int concurrent_encrypt_8t(PerThread state) {
        return state.sealer.sealNext();
    }

    @Benchmark
    @Threads(16)
    public int concurrent_encrypt_16t(PerThread state) {
        return state.sealer.sealNext();
    }
}
