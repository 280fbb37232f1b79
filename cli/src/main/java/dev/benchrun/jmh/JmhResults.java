package dev.benchrun.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.benchrun.BenchrunException;
import dev.benchrun.json.Json;
import dev.benchrun.model.BenchmarkFailure;
import dev.benchrun.model.RunPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What one JMH invocation of a plan item left: the entries of its result file (and the file's
 * JSON, kept as is), and a failure for each param combination it produced no result for, with the
 * reason JMH gave.
 */
public record JmhResults(ArrayNode json, List<JmhJson.Entry> entries, List<BenchmarkFailure> failures) {

    public JmhResults {
        entries = List.copyOf(entries);
        failures = List.copyOf(failures);
    }

    /** Nothing: an invocation stopped before it produced anything. */
    public static JmhResults none() {
        return new JmhResults(Json.MAPPER.createArrayNode(), List.of(), List.of());
    }

    /** Remembers JMH's failure reason for each param combination, from the events of its output. */
    public static final class Reasons implements Consumer<JmhEvent> {
        private final Map<Map<String, String>, String> reasons = new LinkedHashMap<>();
        private Map<String, String> params = Map.of();

        @Override
        public void accept(JmhEvent event) {
            if (event instanceof JmhEvent.BenchmarkStarted started) {
                params = parseParams(started.parameters());
            } else if (event instanceof JmhEvent.Failed failed) {
                reasons.putIfAbsent(params, failed.reason());
            }
        }
    }

    /**
     * Reads the result file JMH wrote for {@code item} (a missing or empty one holds no results),
     * each entry with its wall time as {@code times} measured it.
     */
    public static JmhResults read(RunPlan.Item item, Path resultFile, Reasons reasons, WallTimes times, int exit)
            throws IOException {
        ArrayNode json = readArray(resultFile);
        List<JmhJson.Entry> entries;
        try {
            entries = JmhJson.parse(json, resultFile.getFileName().toString());
        } catch (BenchrunException e) {
            // JMH wrote it in this run: a result it cannot be judged on is a failure of the run, not bad input.
            throw BenchrunException.execution(
                    item.id() + ": JMH wrote a result benchrun cannot use: " + e.getMessage(), e);
        }
        entries = entries.stream()
                .map(e -> e.withWallSeconds(times.seconds(e.benchmark(), e.mode(), e.params())))
                .toList();
        return new JmhResults(json, entries, missing(item, entries, reasons.reasons, exit));
    }

    private static ArrayNode readArray(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return Json.MAPPER.createArrayNode();
        }
        JsonNode node = Json.MAPPER.readTree(file.toFile());
        return node instanceof ArrayNode array ? array : Json.MAPPER.createArrayNode();
    }

    /**
     * Param combinations the plan expected but JMH produced no result for (in one of the item's
     * modes, or in any where the result file names none of them), with JMH's reason.
     */
    private static List<BenchmarkFailure> missing(
            RunPlan.Item item, List<JmhJson.Entry> entries, Map<Map<String, String>, String> reasons, int exit) {
        var produced = entries.stream()
                .map(e -> Map.entry(e.mode(), new TreeMap<>(e.params())))
                .toList();
        var failures = new ArrayList<BenchmarkFailure>();
        for (var combination : combinations(item.params())) {
            if (item.modes().stream().allMatch(mode -> produced.contains(Map.entry(mode, combination)))) {
                continue;
            }
            String reason = reasons.getOrDefault(
                    combination,
                    reasons.isEmpty()
                            ? "no result (JMH exited with code " + exit + "; see jmh.log in the run)"
                            : reasons.values().iterator().next());
            failures.add(new BenchmarkFailure(item.id(), item.benchmark(), combination, reason));
        }
        return failures;
    }

    public static List<TreeMap<String, String>> combinations(Map<String, List<String>> params) {
        var result = new ArrayList<TreeMap<String, String>>();
        result.add(new TreeMap<>());
        for (var param : params.entrySet()) {
            var next = new ArrayList<TreeMap<String, String>>();
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

    /** JMH prints parameters as {@code (a = 1, b = x)}. */
    static Map<String, String> parseParams(String text) {
        var params = new TreeMap<String, String>();
        for (String pair : text.split(", ")) {
            int eq = pair.indexOf(" = ");
            if (eq > 0) {
                params.put(pair.substring(0, eq).trim(), pair.substring(eq + 3).trim());
            }
        }
        return params;
    }
}
