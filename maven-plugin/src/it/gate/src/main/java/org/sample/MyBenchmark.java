package org.sample;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** Two benchmarks of fixed work; -Dslow=N in the forks makes {@link #work} N times the work. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MyBenchmark {

    private static final long TOKENS = 2_000;

    private long workTokens;

    @Setup
    public void setUp() {
        workTokens = TOKENS * Long.getLong("slow", 1);
    }

    @Benchmark
    public void work() {
        Blackhole.consumeCPU(workTokens);
    }

    @Benchmark
    public void steady() {
        Blackhole.consumeCPU(TOKENS);
    }
}
