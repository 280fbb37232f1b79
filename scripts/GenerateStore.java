/*
 * Writes a synthetic benchrun store, for timing `benchrun report` on a large history and for
 * looking at a report with every section filled. Run with benchrun's jar on the class path:
 *
 *   java -cp cli/target/benchrun.jar scripts/GenerateStore.java DIR RUNS BENCHMARKS
 *
 * DIR gets RUNS daily runs of BENCHMARKS benchmarks (2 forks x 5 samples each, 1% noise drawn
 * by dev.benchrun.stats.SyntheticBenchmark, fixed seed), a third of them with provider=BC and
 * provider=JDK; every tenth benchmark steps up by 30% two thirds of the way through; the last run
 * also exists under the g1 and zgc profiles (same commit); the run a quarter of the way in is saved
 * as baseline "main".
 */

import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Budget;
import dev.benchrun.model.Environment;
import dev.benchrun.model.Metric;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.RunSettings;
import dev.benchrun.stats.SyntheticBenchmark;
import dev.benchrun.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

public class GenerateStore {

    private static final String[] CATEGORIES = {"crypto", "handshake", "datapath", "memory"};

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: GenerateStore DIR RUNS BENCHMARKS");
            System.exit(2);
        }
        var store = new Store(Path.of(args[0]));
        int runs = Integer.parseInt(args[1]);
        int benchmarks = Integer.parseInt(args[2]);
        var random = new SplittableRandom(20261123L);
        Instant start = Instant.parse("2026-06-01T06:00:00Z");
        String lastId = null;
        String lastCommit = null;
        for (int r = 0; r < runs; r++) {
            Instant started = start.plus(Duration.ofDays(r));
            String commit = String.format("%016x", (0xabc000L + r) * 0x9E3779B97F4A7C15L).repeat(3).substring(0, 40);
            var run = run(started, commit, "quick", List.of(), r, runs, benchmarks, random);
            store.publishRun(run, store.stagingDir(run.id()));
            if (r == runs / 4) {
                store.saveBaseline("main", List.of(run), true);
            }
            lastId = run.id();
            lastCommit = commit;
        }
        Instant last = store.readRun(lastId).started();
        int i = 1;
        for (String gc : new String[] {"g1", "zgc"}) {
            var args2 = List.of(gc.equals("g1") ? "-XX:+UseG1GC" : "-XX:+UseZGC");
            var run = run(last.plus(Duration.ofMinutes(10L * i++)), lastCommit, gc, args2, runs - 1, runs, benchmarks,
                    random);
            store.publishRun(run, store.stagingDir(run.id()));
        }
        System.out.println("wrote " + (runs + 2) + " runs of " + benchmarks + " benchmarks to " + store.root()
                + "; latest quick run " + lastId);
    }

    private static RunResult run(Instant started, String commit, String profile, List<String> jvmArgs, int index,
            int runs, int benchmarks, SplittableRandom random) {
        double gcFactor = profile.equals("g1") ? 1.03 : profile.equals("zgc") ? 0.98 : 1.0;
        var results = new ArrayList<BenchmarkResult>();
        for (int b = 0; b < benchmarks; b++) {
            String category = CATEGORIES[b % CATEGORIES.length];
            String id = "bench_" + String.format("%03d", b);
            double base = 10 + 7 * (b % 13);
            boolean stepped = b % 10 == 0 && index >= runs * 2 / 3;
            double mean = base * (stepped ? 1.3 : 1.0) * gcFactor;
            var params = b % 3 == 0 ? List.of(Map.of("provider", "BC"), Map.of("provider", "JDK"))
                    : List.of(Map.<String, String>of());
            for (var p : params) {
                double providerFactor = "JDK".equals(p.get("provider")) ? 1.25 : 1.0;
                var forks = Arrays.stream(new SyntheticBenchmark(mean * providerFactor, 0, 0.01).samples(2, 5, random))
                        .map(fork -> Arrays.stream(fork).boxed().toList())
                        .toList();
                double score = forks.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).average().orElse(0);
                var primary = new Metric(score, score * 0.02, "us/op", forks, Map.of());
                var alloc = new Metric(b % 5 == 0 ? 0 : 64 * (b % 7 + 1), 0.0, "B/op",
                        List.of(List.of((double) (b % 5 == 0 ? 0 : 64 * (b % 7 + 1)))), Map.of());
                results.add(new BenchmarkResult(id, "org.example.Generated." + id, p, "avgt", 1, category,
                        Budget.parse("< " + (int) (base * 1.2) + " us"), null, primary,
                        Map.of(BenchmarkResult.ALLOC_NORM, alloc), List.of()));
            }
        }
        var env = new Environment("bench-host", "Linux", "6.1.0", "amd64", "Example CPU @ 3.0GHz", 8, 32L << 30,
                "performance", 0.2, new Environment.Jvm("/usr/lib/jvm/java-17/bin/java", "Eclipse Adoptium",
                        "17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15+6", jvmArgs),
                "1.37", "0.1.0", new Environment.Git(commit, "main", false, null), null);
        var settings = new RunSettings(profile, 2, 3, "500ms", 5, "400ms", null, null, null, List.of("gc"), null,
                jvmArgs, Map.of(), "10min", "benchmarks.jar", null, null);
        return new RunResult(RunResult.SCHEMA_VERSION, Store.newRunId(started), null, started,
                started.plus(Duration.ofMinutes(20)), env, settings, results, List.of(), false);
    }
}
