package dev.benchrun.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.BenchrunException;
import dev.benchrun.json.Json;
import dev.benchrun.model.Baseline;
import dev.benchrun.model.Calibration;
import dev.benchrun.model.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs and baselines on disk (docs/store.md):
 * {@code runs/<id>/run.json}, {@code runs/<id>/jmh.json}, {@code runs/<id>/profiles/},
 * {@code baselines/<name>.json}. Every write is atomic; a run directory appears whole or not at all.
 */
public final class Store {

    public static final String LATEST = "latest";
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern RUN_ID = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    /** Set once the root is seen to be a directory; a store stays one while benchrun runs. */
    private volatile boolean rootIsDirectory;

    public Store(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path runsDir() {
        return check().resolve("runs");
    }

    public Path baselinesDir() {
        return check().resolve("baselines");
    }

    /**
     * The store's root, refused (exit 2) when it is a file: listed, it would look like an empty
     * store, and written, every run would fail only after it was measured.
     */
    public Path check() {
        if (!rootIsDirectory) { // once it is one, every run directory path is not another stat
            if (Files.isDirectory(root)) {
                rootIsDirectory = true;
            } else if (Files.exists(root)) {
                throw BenchrunException.input("store " + root + " is a file, not a store directory: "
                        + "give --store a directory (or a path that does not exist yet)");
            }
        }
        return root;
    }

    public Path runDir(String id) {
        return runsDir().resolve(id);
    }

    /**
     * A new run id: the start second, then two hex digits of the fraction of that second (in 256ths)
     * and two random ones. Ids sort by start time to 1/256 s, so two runs in one second are still in
     * order; the random digits keep concurrent runs apart.
     */
    public static String newRunId(Instant started) {
        int fraction = (int) ((long) started.getNano() * 256 / 1_000_000_000L);
        byte[] suffix = {(byte) fraction, (byte) RANDOM.nextInt(256)};
        return ID_TIME.format(started) + "-" + HexFormat.of().formatHex(suffix);
    }

    /** A private directory to collect a run's files in before it is published. */
    public Path stagingDir(String id) throws IOException {
        Files.createDirectories(runsDir());
        return Files.createTempDirectory(runsDir(), "." + id + ".");
    }

    /** Writes run.json into the staging directory and renames it to {@code runs/<id>}. */
    public Path publishRun(RunResult run, Path staging) throws IOException {
        AtomicFiles.write(staging.resolve("run.json"), Json.write(run));
        Path target = runDir(run.id());
        AtomicFiles.moveAtomically(staging, target);
        return target;
    }

    /** Ids of stored runs, oldest first. Directories being written are not listed. */
    public List<String> runIds() {
        if (!Files.isDirectory(runsDir())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(runsDir())) {
            return dirs.map(p -> p.getFileName().toString())
                    .filter(name -> RUN_ID.matcher(name).matches())
                    .filter(name -> Files.isRegularFile(runDir(name).resolve("run.json")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The newest run that stands for the code when no run is named (see {@link
     * RunResult#representative()}): profile runs and runs interrupted before any result are skipped.
     */
    public Optional<String> latestRunId() {
        return latestRun().map(RunResult::id);
    }

    /** Resolves "latest" or a run id (or a unique prefix of one) to an existing run id. */
    public String resolveRunId(String ref) {
        if (ref == null || ref.equals(LATEST)) {
            return latestRunId().orElseThrow(this::noLatest);
        }
        var matches = runIds().stream().filter(id -> id.startsWith(ref)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw BenchrunException.input("no run '" + ref + "' in store " + root + ": see 'benchrun list runs'");
        }
        throw BenchrunException.input("run id '" + ref + "' is ambiguous: matches " + matches);
    }

    public RunResult readRun(String ref) {
        if (ref == null || ref.equals(LATEST)) {
            return latestRun().orElseThrow(this::noLatest);
        }
        // A whole id (they all have one length, so it is no other id's prefix) is read without
        // listing the store: reading every run, as 'list runs' does, stays linear in their number.
        Path file = RUN_ID.matcher(ref).matches() ? runDir(ref).resolve("run.json") : null;
        return RunFiles.readRun(
                file != null && Files.isRegularFile(file)
                        ? file
                        : runDir(resolveRunId(ref)).resolve("run.json"));
    }

    private Optional<RunResult> latestRun() {
        var ids = runIds();
        for (int i = ids.size() - 1; i >= 0; i--) {
            var run = RunFiles.readRun(runDir(ids.get(i)).resolve("run.json"));
            if (run.representative()) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }

    private BenchrunException noLatest() {
        if (runIds().isEmpty()) {
            return BenchrunException.input("no runs in store " + root + ": run 'benchrun run' first");
        }
        return BenchrunException.input("no run in store " + root + " can be 'latest': profile runs and runs "
                + "interrupted before any result never are; run 'benchrun run', or name a run by its id "
                + "(see 'benchrun list runs')");
    }

    public Path baselineFile(String name) {
        return baselinesDir().resolve(Names.checkBaselineName(name) + ".json");
    }

    /** Whether a baseline of that name exists; false (not an error) for names no baseline could have. */
    public boolean hasBaselineNamed(String name) {
        return baselineNames().contains(name);
    }

    /**
     * Names stored runs (oldest first): a baseline of those runs. Refuses to replace an existing
     * baseline unless {@code force}; the file is written atomically either way.
     */
    public Baseline saveBaseline(String name, List<RunResult> runs, boolean force) throws IOException {
        Path file = baselineFile(name);
        var baseline = new Baseline(Baseline.SCHEMA_VERSION, name, Instant.now(), runs);
        String text = Json.write(baseline);
        try {
            if (force) {
                AtomicFiles.write(file, text);
            } else {
                AtomicFiles.create(file, text);
            }
        } catch (FileAlreadyExistsException e) {
            throw BenchrunException.input("baseline '" + name + "' exists (" + file + "); add --force to replace it, "
                    + "or --append to add the run to it");
        }
        return baseline;
    }

    /**
     * Adds runs (oldest first) to a baseline, creating it if there is none, and keeps the {@code keep}
     * added last.
     * The file is replaced atomically: a reader sees the old baseline or the new one, never a part.
     * Two appends to one baseline at the same moment may keep only one of the two runs.
     */
    public Baseline appendToBaseline(String name, List<RunResult> runs, int keep) throws IOException {
        Path file = baselineFile(name);
        var baseline = Files.exists(file)
                ? readBaseline(name).appended(runs, keep, Instant.now())
                : new Baseline(Baseline.SCHEMA_VERSION, name, Instant.now(), runs)
                        .appended(List.of(), keep, Instant.now());
        AtomicFiles.write(file, Json.write(baseline));
        return baseline;
    }

    public Baseline readBaseline(String name) {
        Path file = baselineFile(name);
        if (!Files.isRegularFile(file)) {
            throw BenchrunException.input(
                    "no baseline '" + name + "' in store " + root + ": see 'benchrun list baselines'");
        }
        return RunFiles.readBaseline(file);
    }

    /** Baseline names, sorted. */
    public List<String> baselineNames() {
        if (!Files.isDirectory(baselinesDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(baselinesDir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the last {@code benchrun calibrate} keeps what this machine can detect. */
    public Path calibrationFile() {
        return check().resolve("calibration.json");
    }

    /** Keeps a calibration, replacing the last one atomically. */
    public void saveCalibration(Calibration calibration) throws IOException {
        Files.createDirectories(root);
        AtomicFiles.write(calibrationFile(), Json.write(calibration));
    }

    /** The last calibration, if there is one; exit 2 naming the file when it cannot be read. */
    public Optional<Calibration> readCalibration() {
        Path file = calibrationFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(RunFiles.readCalibration(file));
    }

    /** Whether a JSON tree is a baseline file rather than a run. */
    public static boolean isBaseline(JsonNode tree) {
        return tree.has("name") && (tree.has("runs") || tree.has("run"));
    }
}
