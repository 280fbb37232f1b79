package dev.benchrun.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.host.NoiseProbe;
import dev.benchrun.json.Json;
import dev.benchrun.profiler.EventProbe;
import dev.benchrun.testing.FakeJmh;
import dev.benchrun.testing.FakeMachine;
import dev.benchrun.testing.Golden;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * benchrun in process: the real command tree with captured writers, a working directory and store
 * of the test's, JMH faked ({@link FakeJmh}) and every profiler event available. The working
 * directory holds {@code fixtures.jar}: the fixture benchmarks' list as JMH's annotation processor
 * wrote it ({@code sum}, {@code sumThroughput}, {@code explode}), which is all benchrun reads of a jar.
 */
final class InProcess {

    /** What a command left: exit code and both streams. */
    record Result(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        /** The id in the "Stored run ID in DIR" line. */
        String storedRunId() {
            return outLines().stream()
                    .filter(l -> l.startsWith("Stored run "))
                    .findFirst()
                    .map(l -> l.split(" ")[2])
                    .orElseThrow(() -> new AssertionError("no run stored:\n" + out + err));
        }
    }

    final Path dir;
    final FakeJmh jmh = new FakeJmh();
    private final Function<Path, EventProbe.Sampler> sampler;
    /** The machine's readings: none (an OS without /proc) unless a test gives it a fake tree. */
    NoiseProbe noise;

    InProcess(Path dir) throws IOException {
        this(dir, library -> event -> null);
    }

    /** @param sampler which profiler events work here (null) and which not (the profiler's reason) */
    InProcess(Path dir, Function<Path, EventProbe.Sampler> sampler) throws IOException {
        this.dir = dir;
        this.sampler = sampler;
        this.noise = new FakeMachine(dir.resolve("no-machine")).probe();
        try (var jar = new ZipOutputStream(Files.newOutputStream(dir.resolve("fixtures.jar")))) {
            jar.putNextEntry(new ZipEntry("META-INF/BenchmarkList"));
            jar.write(Golden.resource("jmh/BenchmarkList").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            // Stands for the JMH runtime an uber-jar carries; the fake JMH never loads it.
            jar.putNextEntry(new ZipEntry("org/openjdk/jmh/Main.class"));
            jar.closeEntry();
        }
    }

    Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var context = new Context(new PrintWriter(out), new PrintWriter(err), false, Map.of(), dir);
        var services = new Services(context, jmh, sampler, noise);
        var all = new ArrayList<>(List.of("--store", store().toString()));
        all.addAll(List.of(args));
        int exit = BenchrunCommand.execute(services, all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    Path store() {
        return dir.resolve("store");
    }

    Path runDir(String id) {
        return store().resolve("runs").resolve(id);
    }

    JsonNode storedRun(String id) throws IOException {
        return Json.MAPPER.readTree(runDir(id).resolve("run.json").toFile());
    }

    /** The directories of the stored runs, oldest first. */
    List<String> runIds() throws IOException {
        if (!Files.isDirectory(store().resolve("runs"))) {
            return List.of();
        }
        try (var runs = Files.list(store().resolve("runs"))) {
            return runs.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
