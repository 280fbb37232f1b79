package dev.benchrun.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.BenchrunException;
import dev.benchrun.json.Json;
import dev.benchrun.model.Baseline;
import dev.benchrun.model.Calibration;
import dev.benchrun.model.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads run and baseline files, checking the schema version before anything else and the results
 * ({@link ResultChecks}) before anything uses them.
 */
public final class RunFiles {

    private RunFiles() {}

    public static RunResult readRun(Path file) {
        RunResult direct = readRunDirectly(file);
        if (direct != null) {
            return checked(direct, file);
        }
        JsonNode tree = readTree(file);
        if (Store.isBaseline(tree)) {
            return toBaseline(file, tree).latest();
        }
        checkSchema(file, tree, "", RunResult.SCHEMA_VERSION);
        return checked(convert(file, tree, RunResult.class, "run"), file);
    }

    /**
     * The run in a file that is a well-formed run of a version this benchrun reads, read and checked
     * in one pass; empty for anything else (a baseline, JMH's JSON, a newer schema, a malformed or
     * unreadable file), which {@link #readTree} then tells apart and names precisely. Reading a file
     * the user names this way first, rather than as a tree and then again as a run, is what keeps
     * {@code compare} of two large runs quick.
     */
    public static Optional<RunResult> readRunIfWellFormed(Path file) {
        RunResult direct = readRunDirectly(file);
        return direct == null ? Optional.empty() : Optional.of(checked(direct, file));
    }

    /**
     * A well-formed run file of a version this benchrun reads, in one pass; null for anything else
     * (a baseline, a newer schema, a malformed file), which the tree path then names precisely.
     * One pass instead of tree-then-convert is what keeps a report over hundreds of runs fast. The
     * text is read as {@link #readTree} reads it, so a file it refuses is never taken here.
     */
    private static RunResult readRunDirectly(Path file) {
        try {
            RunResult run = Json.MAPPER.readValue(InputFiles.read(file, ""), RunResult.class);
            return run.schemaVersion() >= 1 && run.schemaVersion() <= RunResult.SCHEMA_VERSION ? run : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static Baseline readBaseline(Path file) {
        JsonNode tree = readTree(file);
        if (!Store.isBaseline(tree)) {
            throw BenchrunException.input(file + " is not a baseline file (no 'name' and 'runs')");
        }
        return toBaseline(file, tree);
    }

    /** A calibration file ({@code benchrun calibrate}), its version checked first. */
    public static Calibration readCalibration(Path file) {
        JsonNode tree = readTree(file);
        checkSchema(file, tree, "", Calibration.SCHEMA_VERSION);
        return convert(file, tree, Calibration.class, "calibration");
    }

    /** The parsed tree of a JSON file; exit 2 with the file's name when it is not JSON. */
    public static JsonNode readTree(Path file) {
        String text = InputFiles.read(file, "");
        try {
            JsonNode tree = Json.MAPPER.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw BenchrunException.input(file + " is empty: expected JSON (a run, a baseline or JMH's results)");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw BenchrunException.input(file + " is not valid JSON: " + Json.problem(e), e);
        }
    }

    /** Whether a parsed tree is a benchrun run or baseline (as opposed to, say, JMH's own JSON). */
    public static boolean isBenchrunFile(JsonNode tree) {
        return tree.isObject() && tree.has("schemaVersion");
    }

    /** A baseline of either version: 1 holds one run under {@code run}, 2 a list under {@code runs}. */
    private static Baseline toBaseline(Path file, JsonNode tree) {
        checkSchema(file, tree, "", Baseline.SCHEMA_VERSION);
        boolean single = tree.get("schemaVersion").intValue() == 1;
        JsonNode runs = single ? tree.get("run") : tree.get("runs");
        if (single ? runs == null || !runs.isObject() : runs == null || !runs.isArray() || runs.isEmpty()) {
            throw BenchrunException.input(file + " is not a valid baseline file: "
                    + (single ? "'run' must be a run (an object)" : "'runs' must be a list of at least one run"));
        }
        var read = new ArrayList<RunResult>();
        for (JsonNode run : single ? List.of(runs) : (Iterable<JsonNode>) runs::elements) {
            String at = single ? "run." : "runs[" + read.size() + "].";
            if (!run.isObject()) {
                throw BenchrunException.input(
                        file + " is not a valid baseline file: " + at.substring(0, at.length() - 1) + " is not a run");
            }
            checkSchema(file, run, at, RunResult.SCHEMA_VERSION);
            read.add(checked(convert(file, run, RunResult.class, "baseline"), file));
        }
        JsonNode name = tree.get("name");
        if (!name.isTextual()) {
            throw BenchrunException.input(file + " is not a valid baseline file: 'name' must be a string");
        }
        JsonNode savedAt = tree.get("savedAt");
        Instant saved = null;
        if (savedAt != null && !savedAt.isNull()) {
            try {
                saved = Instant.parse(savedAt.asText());
            } catch (DateTimeParseException e) {
                throw BenchrunException.input(
                        file + " is not a valid baseline file: 'savedAt' is not a time: " + savedAt.asText(), e);
            }
        }
        return new Baseline(Baseline.SCHEMA_VERSION, name.asText(), saved, read);
    }

    /**
     * @param at where in the file the version is ("" or "run.")
     * @param newest the newest version of this kind of file that this benchrun reads
     */
    private static void checkSchema(Path file, JsonNode tree, String at, int newest) {
        JsonNode version = tree.get("schemaVersion");
        if (version == null) {
            throw BenchrunException.input(file + " has no " + at + "schemaVersion: not a benchrun run or baseline");
        }
        if (!version.isIntegralNumber()) {
            throw BenchrunException.input(file + ": " + at + "schemaVersion must be an integer, got " + version
                    + ": not a file benchrun wrote");
        }
        if (!version.canConvertToInt() || version.intValue() > newest || version.intValue() < 1) {
            throw BenchrunException.input(file + " has " + at + "schemaVersion " + version.asText()
                    + "; this benchrun reads version " + newest
                    + ": use the benchrun that wrote it, or a newer one");
        }
    }

    private static RunResult checked(RunResult run, Path file) {
        return run.withBenchmarks(ResultChecks.checked(run.benchmarks(), file));
    }

    /** @param kind "run" or "baseline", for the message */
    private static <T> T convert(Path file, JsonNode tree, Class<T> type, String kind) {
        try {
            return Json.MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw BenchrunException.input(
                    file + " is not a valid " + kind + " file: " + benchmarkNamed(tree, e) + Json.problem(e), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw BenchrunException.input(
                    file + " is not a valid " + kind + " file: a value is missing or of the wrong kind", e);
        }
    }

    /** "benchmark 'sum', " where the problem is inside a result whose id can be read. */
    private static String benchmarkNamed(JsonNode tree, JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        var path = mapping.getPath();
        JsonNode node = tree;
        for (int i = 0; i < path.size(); i++) {
            var reference = path.get(i);
            if ("benchmarks".equals(reference.getFieldName()) && i + 1 < path.size()) {
                JsonNode id =
                        node.path("benchmarks").path(path.get(i + 1).getIndex()).path("id");
                return id.isTextual() ? "benchmark '" + id.asText() + "', " : "";
            }
            node = reference.getFieldName() != null
                    ? node.path(reference.getFieldName())
                    : node.path(reference.getIndex());
        }
        return "";
    }
}
