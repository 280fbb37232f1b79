package dev.benchrun.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.BenchrunException;
import dev.benchrun.json.Json;
import dev.benchrun.model.Baseline;
import dev.benchrun.model.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads run and baseline files, checking the schema version before anything else. */
public final class RunFiles {

    private RunFiles() {}

    public static RunResult readRun(Path file) {
        RunResult direct = readRunDirectly(file);
        if (direct != null) {
            return direct;
        }
        JsonNode tree = readTree(file);
        if (Store.isBaseline(tree)) {
            return toBaseline(file, tree).run();
        }
        checkSchema(file, tree, RunResult.SCHEMA_VERSION);
        return convert(file, tree, RunResult.class);
    }

    /**
     * A well-formed run file of a version this benchrun reads, in one pass; null for anything else
     * (a baseline, a newer schema, a malformed file), which the tree path then names precisely.
     * One pass instead of tree-then-convert is what keeps a report over hundreds of runs fast.
     */
    private static RunResult readRunDirectly(Path file) {
        try {
            RunResult run = Json.MAPPER.readValue(Files.readAllBytes(file), RunResult.class);
            return run.schemaVersion() >= 1 && run.schemaVersion() <= RunResult.SCHEMA_VERSION ? run : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static Baseline readBaseline(Path file) {
        JsonNode tree = readTree(file);
        if (!Store.isBaseline(tree)) {
            throw BenchrunException.input(file + " is not a baseline file (no 'name' and 'run')");
        }
        return toBaseline(file, tree);
    }

    /** The parsed tree of a JSON file; exit 2 with the file's name when it is not JSON. */
    public static JsonNode readTree(Path file) {
        try {
            return Json.MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw Store.malformed(file, e);
        } catch (IOException e) {
            throw Store.unreadable(file, e);
        }
    }

    /** Whether a parsed tree is a benchrun run or baseline (as opposed to, say, JMH's own JSON). */
    public static boolean isBenchrunFile(JsonNode tree) {
        return tree.isObject() && tree.has("schemaVersion");
    }

    private static Baseline toBaseline(Path file, JsonNode tree) {
        checkSchema(file, tree, Baseline.SCHEMA_VERSION);
        checkSchema(file, tree.get("run"), RunResult.SCHEMA_VERSION);
        return convert(file, tree, Baseline.class);
    }

    /** @param newest the newest version of this kind of file that this benchrun reads */
    private static void checkSchema(Path file, JsonNode tree, int newest) {
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw BenchrunException.input(file + " has no schemaVersion: not a benchrun file");
        }
        if (version.intValue() > newest || version.intValue() < 1) {
            throw BenchrunException.input(file + " has schemaVersion " + version.asText()
                    + "; this benchrun reads version " + newest
                    + ": use the benchrun that wrote it, or a newer one");
        }
    }

    private static <T> T convert(Path file, JsonNode tree, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw Store.malformed(file, e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw BenchrunException.input(file + " is not a valid benchrun file: " + e.getMessage(), e);
        }
    }
}
