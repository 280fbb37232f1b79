package dev.benchrun.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.benchrun.model.Hotspot;
import dev.benchrun.model.HotspotDiff;
import org.junit.jupiter.api.Test;

class AttributionTest {

    /** JMH's real call chain down to the benchmark method, as async-profiler records it. */
    private static final String HARNESS = "java/lang/Thread.run;java/util/concurrent/ThreadPoolExecutor$Worker.run;"
            + "java/util/concurrent/ThreadPoolExecutor.runWorker;java/util/concurrent/FutureTask.run;"
            + "java/util/concurrent/Executors$RunnableAdapter.call;"
            + "org/openjdk/jmh/runner/BenchmarkHandler$BenchmarkTask.call;java/lang/reflect/Method.invoke;"
            + "jdk/internal/reflect/DelegatingMethodAccessorImpl.invoke;"
            + "jdk/internal/reflect/NativeMethodAccessorImpl.invoke0;"
            + "org/example/jmh_generated/Bench_work_jmhTest.work_AverageTime;"
            + "org/example/jmh_generated/Bench_work_jmhTest.work_avgt_jmhStub";

    /**
     * 100 samples in the benchmark thread: work (self 10) calls parse (self 30) and checksum
     * (self 40, plus 10 in a JDK callee); 10 in JMH's stub loop itself. 50 more in the JIT
     * compiler thread, which the shares leave out.
     */
    static final String BASELINE = HARNESS + ";org/example/Bench.work 10\n"
            + HARNESS + ";org/example/Bench.work;org/example/Bench.parse_[j] 30\n"
            + HARNESS + ";org/example/Bench.work;org/example/Bench.checksum_[j] 40\n"
            + HARNESS + ";org/example/Bench.work;org/example/Bench.checksum;java/lang/Math.floorMod_[i] 10\n"
            + HARNESS + " 10\n"
            + "clone3;start_thread;thread_native_entry;CompileBroker::compiler_thread_loop;C2Compiler::compile_method 50\n";

    /** 200 samples in the benchmark thread: checksum and its callee now take 75%, parse 15%. */
    static final String CANDIDATE = HARNESS + ";org/example/Bench.work 10\n"
            + HARNESS + ";org/example/Bench.work;org/example/Bench.parse 30\n"
            + HARNESS + ";org/example/Bench.work;org/example/Bench.checksum 130\n"
            + HARNESS + ";org/example/Bench.work;org/example/Bench.checksum;java/lang/Math.floorMod 20\n"
            + HARNESS + ";org/example/Bench.work;org/openjdk/jmh/infra/Blackhole.consume 10\n";

    @Test
    void harnessFramesAreNeverHotspots() {
        for (String frame : HARNESS.replace('/', '.').split(";")) {
            assertThat(HarnessFrames.isHarness(frame)).as(frame).isTrue();
        }
        assertThat(HarnessFrames.isHarness("org.openjdk.jmh.infra.Blackhole.consume"))
                .isTrue();
        assertThat(HarnessFrames.isHarness("java.lang.invoke.LambdaForm$MH/0x0000000800c0c400.invoke"))
                .isTrue();
        assertThat(HarnessFrames.isHarness("org.example.Bench.work")).isFalse();
        assertThat(HarnessFrames.isHarness("java.lang.Math.floorMod")).isFalse();
        assertThat(HarnessFrames.isHarness("org.bouncycastle.math.ec.rfc7748.X25519Field.mul"))
                .isFalse();
    }

    @Test
    void selfAndTotalSharesOfTheBenchmarkThreads() {
        var hotspots =
                Attribution.hotspots(CollapsedStacks.parse(BASELINE, ProfileEvent.CPU, "b.csv"), ProfileEvent.CPU);

        assertThat(hotspots.samples()).isEqualTo(150);
        assertThat(hotspots.benchmarkSamples()).isEqualTo(100);
        assertThat(hotspots.bySelf(10))
                .containsExactly(
                        new Hotspot("org.example.Bench.checksum", 0.40, 0.50),
                        new Hotspot("org.example.Bench.parse", 0.30, 0.30),
                        new Hotspot("java.lang.Math.floorMod", 0.10, 0.10),
                        new Hotspot("org.example.Bench.work", 0.10, 0.90));
        assertThat(hotspots.byTotal(2))
                .containsExactly(
                        new Hotspot("org.example.Bench.work", 0.10, 0.90),
                        new Hotspot("org.example.Bench.checksum", 0.40, 0.50));
        assertThat(hotspots.frames())
                .extracting(Hotspot::frame)
                .noneMatch(HarnessFrames::isHarness)
                .doesNotContain("C2Compiler::compile_method");
    }

    @Test
    void aHarnessFrameOnTopGivesItsSamplesToTheUserFrameBelow() {
        var hotspots =
                Attribution.hotspots(CollapsedStacks.parse(CANDIDATE, ProfileEvent.CPU, "c.csv"), ProfileEvent.CPU);
        // work: 10 own + 10 under Blackhole.consume, of 200.
        assertThat(hotspots.bySelf(10)).contains(new Hotspot("org.example.Bench.work", 0.10, 1.0));
    }

    @Test
    void recursionCountsOncePerSampleInTheTotal() {
        var text = HARNESS + ";a/B.f;a/B.f;a/B.f 3\n" + HARNESS + ";a/B.g 1\n";
        var hotspots = Attribution.hotspots(CollapsedStacks.parse(text, ProfileEvent.CPU, "r.csv"), ProfileEvent.CPU);
        assertThat(hotspots.byTotal(1)).containsExactly(new Hotspot("a.B.f", 0.75, 0.75));
    }

    @Test
    void withoutJmhStacksEverySampleCounts() {
        var hotspots = Attribution.hotspots(
                CollapsedStacks.parse("main;a/B.f 1\nmain;a/B.g 3\n", ProfileEvent.CPU, "plain.csv"), ProfileEvent.CPU);
        assertThat(hotspots.benchmarkSamples()).isEqualTo(4);
        assertThat(hotspots.bySelf(1)).containsExactly(new Hotspot("a.B.g", 0.75, 0.75));
    }

    @Test
    void diffRanksFramesByTheChangeOfTheirShareInPoints() {
        var before = Attribution.hotspots(CollapsedStacks.parse(BASELINE, ProfileEvent.CPU, "b.csv"), ProfileEvent.CPU);
        var after = Attribution.hotspots(CollapsedStacks.parse(CANDIDATE, ProfileEvent.CPU, "c.csv"), ProfileEvent.CPU);

        var diff = Attribution.diff("baseline 'main'", before, after);

        // checksum: total 50% -> 75%; parse 30% -> 15%; work 90% -> 100%; floorMod 10% -> 10%.
        var grown = diff.grown(10);
        assertThat(grown)
                .extracting(HotspotDiff::frame)
                .containsExactly("org.example.Bench.checksum", "org.example.Bench.work");
        assertThat(grown.get(0).deltaPoints()).isCloseTo(25.0, within(1e-9));
        assertThat(grown.get(0).selfDeltaPoints()).isCloseTo(25.0, within(1e-9));
        assertThat(grown.get(1).deltaPoints()).isCloseTo(10.0, within(1e-9));
        var shrunk = diff.shrunk(10);
        assertThat(shrunk).extracting(HotspotDiff::frame).containsExactly("org.example.Bench.parse");
        assertThat(shrunk.get(0).baselineTotal()).isCloseTo(0.30, within(1e-12));
        assertThat(shrunk.get(0).candidateTotal()).isCloseTo(0.15, within(1e-12));
        assertThat(shrunk.get(0).deltaPoints()).isCloseTo(-15.0, within(1e-9));
        assertThat(diff.frames())
                .filteredOn(d -> d.frame().equals("java.lang.Math.floorMod"))
                .singleElement()
                .satisfies(d -> assertThat(d.deltaPoints()).isCloseTo(0, within(1e-9)));
    }

    @Test
    void aFrameOnOneSideOnlyHasZeroOnTheOther() {
        var before = Attribution.hotspots(
                CollapsedStacks.parse(HARNESS + ";a/B.f 4\n", ProfileEvent.CPU, "b"), ProfileEvent.CPU);
        var after = Attribution.hotspots(
                CollapsedStacks.parse(HARNESS + ";a/B.f 3\n" + HARNESS + ";a/B.g 1\n", ProfileEvent.CPU, "c"),
                ProfileEvent.CPU);
        var diff = Attribution.diff("run x", before, after);
        assertThat(diff.grown(5)).containsExactly(new HotspotDiff("a.B.g", 0, 0.25, 0, 0.25));
        assertThat(diff.shrunk(5)).containsExactly(new HotspotDiff("a.B.f", 1, 0.75, 1, 0.75));
    }
}
