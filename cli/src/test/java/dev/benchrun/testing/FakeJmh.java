package dev.benchrun.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchrun.jmh.JmhEvent;
import dev.benchrun.jmh.JmhLauncher;
import dev.benchrun.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * JMH without its JVMs. Each command line is read with JMH's own option parser; the result file
 * its {@code -rff} names is written as JMH 1.37 writes it, from the real output of the fixture
 * benchmarks in {@code src/test/resources/jmh/jmh-1.37-gc.json}, with forks × iterations samples
 * spread ±2% around that output's score. As in the fixture benchmarks,
 * {@code -Dfixture.slowdown=N} among the forks' JVM arguments makes each operation N% slower.
 * With async-profiler attached ({@code -prof async:...;dir=D;event=E}) it writes collapsed stacks
 * and flame graphs where async-profiler would.
 */
public final class FakeJmh implements JmhLauncher {

    /** Thrown by {@code FailingBench.explode}, as the fixture does. */
    public static final String EXPLODE_REASON = "java.lang.IllegalStateException: fixture benchmark failed on purpose";

    /**
     * One JMH invocation as JMH read its command line.
     *
     * @param jvmArgs the forks' extra JVM arguments ({@code -jvmArgsPrepend})
     * @param profilers JMH's {@code -prof} options, as "name:options"
     */
    public record Launch(
            List<String> command,
            String benchmark,
            int forks,
            int warmupIterations,
            int iterations,
            Map<String, List<String>> params,
            List<String> jvmArgs,
            List<String> profilers) {

        /** The benchmark jar JMH was started from. */
        public String jar() {
            return command.get(command.indexOf("-jar") + 1);
        }
    }

    private static final Map<String, String> MODES = Map.of("avgt", "AverageTime", "thrpt", "Throughput");
    private static final Pattern SLOWDOWN = Pattern.compile("-Dfixture\\.slowdown=(\\d+)");

    private final Map<String, JsonNode> templates = new LinkedHashMap<>();
    private final List<Launch> launches = new CopyOnWriteArrayList<>();
    private volatile Consumer<Path> afterEach = resultFile -> {};
    private volatile Predicate<Launch> failing = launch -> false;
    private volatile CyclicBarrier partners;

    public FakeJmh() {
        try {
            for (JsonNode entry : Json.MAPPER.readTree(Golden.resource("jmh/jmh-1.37-gc.json"))) {
                templates.put(entry.get("benchmark").asText(), entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Called with the result file of each invocation once it is written, e.g. to break the store. */
    public void afterEachLaunch(Consumer<Path> hook) {
        this.afterEach = hook;
    }

    /**
     * Makes the invocations {@code when} picks fail as {@code FailingBench.explode} does, e.g. one
     * fork of one side of an A/B session.
     */
    public void failWhen(Predicate<Launch> when) {
        this.failing = when;
    }

    /**
     * Makes every invocation wait, before it measures, for a second one to start: invocations that
     * run one after the other never meet, and each then fails after 30 s with "no partner".
     */
    public void meetInPairs() {
        this.partners = new CyclicBarrier(2);
    }

    /** Every invocation so far, in order. */
    public List<Launch> launches() {
        return List.copyOf(launches);
    }

    @Override
    public Lock lock(Runnable onWait) {
        return () -> {};
    }

    @Override
    public Invocation launch(List<String> command) {
        return new Invocation() {
            @Override
            public int await(Writer log, Consumer<JmhEvent> events) throws IOException {
                return run(command, log, events);
            }

            @Override
            public void stop() {}
        };
    }

    private int run(List<String> command, Writer log, Consumer<JmhEvent> events) throws IOException {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(
                    command.subList(command.indexOf("-jar") + 2, command.size()).toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            log.write(e.getMessage() + "\n");
            return 1;
        }
        String benchmark = unquote(options.getIncludes().get(0));
        var launch = new Launch(
                command,
                benchmark,
                options.getForkCount().get(),
                options.getWarmupIterations().get(),
                options.getMeasurementIterations().get(),
                params(options, benchmark),
                List.copyOf(options.getJvmArgsPrepend().orElse(List.of())),
                options.getProfilers().stream()
                        .map(p -> p.getKlass() + ":" + p.getOpts())
                        .toList());
        launches.add(launch);
        if (partners != null) {
            try {
                partners.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                log.write("no partner: " + e + "\n");
                return 1;
            }
        }
        boolean fails = !templates.containsKey(benchmark) || failing.test(launch);
        var results = Json.MAPPER.createArrayNode();
        for (var combination : combinations(launch.params())) {
            log.write("# Benchmark: " + benchmark + "\n");
            events.accept(new JmhEvent.BenchmarkHeader(benchmark, null));
            events.accept(new JmhEvent.BenchmarkStarted(benchmark, parameters(combination)));
            for (int fork = 1; fork <= launch.forks(); fork++) {
                events.accept(new JmhEvent.ForkStarted(fork, launch.forks()));
                if (fails) {
                    log.write("<failure>\n\n" + EXPLODE_REASON + "\n");
                    events.accept(new JmhEvent.Failed(EXPLODE_REASON));
                    break;
                }
                for (int i = 1; i <= launch.warmupIterations(); i++) {
                    events.accept(new JmhEvent.IterationDone(true, i));
                }
                for (int i = 1; i <= launch.iterations(); i++) {
                    events.accept(new JmhEvent.IterationDone(false, i));
                }
            }
            if (!fails) {
                events.accept(new JmhEvent.BenchmarkDone(benchmark));
                results.add(entry(launch, combination));
                profile(launch, combination);
            }
        }
        Path resultFile = Path.of(options.getResult().get());
        Files.writeString(resultFile, Json.write(results));
        afterEach.accept(resultFile);
        return 0;
    }

    /** The regex benchrun selects one benchmark with: {@code ^\Qname\E$}. */
    private static String unquote(String regex) {
        return regex.substring("^\\Q".length(), regex.length() - "\\E$".length());
    }

    /** The values of each declared param: from {@code -p} where given, else the declared ones. */
    private Map<String, List<String>> params(CommandLineOptions options, String benchmark) {
        var template = templates.get(benchmark);
        var names = template == null
                ? List.<String>of()
                : iterable(template.get("params").fieldNames());
        var params = new TreeMap<String, List<String>>();
        for (String name : names) {
            var given = options.getParameter(name);
            params.put(
                    name,
                    given.hasValue()
                            ? List.copyOf(given.get())
                            : List.of(template.get("params").get(name).asText()));
        }
        return params;
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        var list = new ArrayList<String>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static List<Map<String, String>> combinations(Map<String, List<String>> params) {
        List<Map<String, String>> result = List.of(new TreeMap<>());
        for (var param : params.entrySet()) {
            var next = new ArrayList<Map<String, String>>();
            for (var partial : result) {
                for (String value : param.getValue()) {
                    var extended = new TreeMap<>(partial);
                    extended.put(param.getKey(), value);
                    next.add(extended);
                }
            }
            result = next;
        }
        return result;
    }

    /** As JMH prints them: {@code extra = -1, n = 256}. */
    private static String parameters(Map<String, String> combination) {
        var parts = new ArrayList<String>();
        combination.forEach((k, v) -> parts.add(k + " = " + v));
        return String.join(", ", parts);
    }

    /** How much slower each operation is, from {@code -Dfixture.slowdown=N}. */
    public static double slowdown(Collection<String> jvmArgs) {
        return jvmArgs.stream()
                .map(SLOWDOWN::matcher)
                .filter(java.util.regex.Matcher::matches)
                .mapToDouble(m -> 1 + Integer.parseInt(m.group(1)) / 100.0)
                .findFirst()
                .orElse(1.0);
    }

    /**
     * The template's entry with this invocation's settings, params and samples: fork f, iteration i
     * is score × (1 + s_i % + (f − middle) / 2 %), s_i the iteration's step of a zigzag around 0, so the
     * samples average to the score.
     */
    private JsonNode entry(Launch launch, Map<String, String> combination) {
        var entry = (ObjectNode) templates.get(launch.benchmark()).deepCopy();
        entry.put("forks", launch.forks());
        entry.put("warmupIterations", launch.warmupIterations());
        entry.put("measurementIterations", launch.iterations());
        var jvmArgs = entry.putArray("jvmArgs");
        launch.jvmArgs().forEach(jvmArgs::add);
        var params = entry.putObject("params");
        combination.forEach(params::put);
        var primary = (ObjectNode) entry.get("primaryMetric");
        boolean throughput = entry.get("mode").asText().equals("thrpt");
        double factor = slowdown(launch.jvmArgs());
        double score = primary.get("score").asDouble() * (throughput ? 1 / factor : factor);
        primary.put("score", score);
        primary.put("scoreError", score * 0.02);
        primary.set("rawData", samples(launch, score));
        var alloc = (ObjectNode) entry.get("secondaryMetrics").get("gc.alloc.rate.norm");
        alloc.set("rawData", samples(launch, alloc.get("score").asDouble()));
        return entry;
    }

    private static ArrayNode samples(Launch launch, double score) {
        var forks = Json.MAPPER.createArrayNode();
        for (int f = 0; f < launch.forks(); f++) {
            var fork = forks.addArray();
            // Steps of 1% around the score in zigzag order (0, +1, −1, +2, …, centred), so a fork
            // has the spread of a real one and no trend for the steady-state check to find.
            int n = launch.iterations();
            double[] steps = new double[n];
            for (int i = 0; i < n; i++) {
                steps[i] = (i % 2 == 1 ? 1 : -1) * ((i + 1) / 2);
            }
            double centre = java.util.Arrays.stream(steps).average().orElse(0);
            for (int i = 0; i < n; i++) {
                double spread = (steps[i] - centre) * 0.01 + (f - (launch.forks() - 1) / 2.0) * 0.005;
                fork.add(score * (1 + spread));
            }
        }
        return forks;
    }

    /**
     * With async-profiler attached: {@code sum} runs 600 samples in itself, 300 in {@code add}
     * (more with a slowdown) and 100 in {@code parse}, 100 in JMH's loop, and a JIT thread takes 50.
     */
    private void profile(Launch launch, Map<String, String> combination) throws IOException {
        for (String profiler : launch.profilers()) {
            if (!profiler.startsWith("async:")) {
                continue;
            }
            var options = new LinkedHashMap<String, String>();
            for (String option : profiler.substring("async:".length()).split(";")) {
                options.put(option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
            }
            String event = options.get("event");
            Path dir = Path.of(options.get("dir")).resolve(directory(launch, combination));
            Files.createDirectories(dir);
            String method = launch.benchmark().substring(launch.benchmark().lastIndexOf('.') + 1);
            String stub = "org/example/fixtures/jmh_generated/TinyBench_" + method + "_jmhTest." + method + "_"
                    + mode(launch) + "_jmhStub_[j]";
            String harness = "java/lang/Thread.run;org/openjdk/jmh/runner/BenchmarkHandler$BenchmarkTask.call;"
                    + "java/lang/reflect/Method.invoke;" + stub;
            String code = harness + ";org/example/fixtures/TinyBench." + method + "_[j]";
            long add = Math.round(300 * slowdown(launch.jvmArgs()));
            Files.writeString(
                    dir.resolve("collapsed-" + event + ".csv"),
                    String.join(
                                    "\n",
                                    code + " 600",
                                    code + ";org/example/fixtures/TinyBench.add_[j] " + add,
                                    code + ";org/example/fixtures/TinyBench.parse_[i] 100",
                                    harness + " 100",
                                    "[C2 CompilerThread0];CompileBroker::compiler_thread_loop 50")
                            + "\n");
            Files.writeString(dir.resolve("flame-" + event + "-forward.html"), "<html><!-- flame graph --></html>\n");
            Files.writeString(dir.resolve("flame-" + event + "-reverse.html"), "<html><!-- flame graph --></html>\n");
        }
    }

    private String mode(Launch launch) {
        return templates.get(launch.benchmark()).get("mode").asText();
    }

    /** JMH's BenchmarkParams.id(): benchmark, mode and params, e.g. {@code ...TinyBench.sum-AverageTime-extra--1-n-256}. */
    private String directory(Launch launch, Map<String, String> combination) {
        var id = new StringBuilder(launch.benchmark()).append('-').append(MODES.get(mode(launch)));
        combination.forEach((k, v) -> id.append('-').append(k).append('-').append(v));
        return id.toString();
    }
}
