package dev.benchrun.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.BenchrunException;
import dev.benchrun.json.Json;
import dev.benchrun.model.Metric;
import dev.benchrun.store.ResultChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH's {@code -rf json} output, as written by JMH 1.19 to 1.37: "NaN" strings for
 * undefined numbers, optional fields, histograms for sampled modes, and both spellings of
 * secondary metrics ({@code gc.alloc.rate.norm} and the older {@code ·gc.alloc.rate.norm}).
 */
public final class JmhJson {

    /**
     * One element of JMH's result array: a benchmark with one set of params.
     *
     * @param wallSeconds the benchmark's wall time where benchrun ran it ({@link WallTimes}); null
     *     as read from a file, since JMH's JSON has no timing
     */
    public record Entry(
            String benchmark,
            String mode,
            int threads,
            int forks,
            String jvm,
            List<String> jvmArgs,
            String jdkVersion,
            String vmName,
            String vmVersion,
            String jmhVersion,
            int warmupIterations,
            String warmupTime,
            int measurementIterations,
            String measurementTime,
            Map<String, String> params,
            Metric primary,
            Map<String, Metric> secondary,
            Double wallSeconds) {

        public Entry withWallSeconds(Double seconds) {
            return new Entry(
                    benchmark,
                    mode,
                    threads,
                    forks,
                    jvm,
                    jvmArgs,
                    jdkVersion,
                    vmName,
                    vmVersion,
                    jmhVersion,
                    warmupIterations,
                    warmupTime,
                    measurementIterations,
                    measurementTime,
                    params,
                    primary,
                    secondary,
                    seconds);
        }
    }

    private JmhJson() {}

    public static List<Entry> parse(String text, String source) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw BenchrunException.input(source + " is not valid JSON: " + Json.problem(e), e);
        }
        return parse(root, source);
    }

    public static List<Entry> parse(JsonNode root, String source) {
        if (root == null || !root.isArray()) {
            throw BenchrunException.input(source + " is not a JMH result file (expected a JSON array)");
        }
        var entries = new ArrayList<Entry>();
        int index = 0;
        for (JsonNode node : root) {
            entries.add(entry(node, source + ": result [" + index++ + "]"));
        }
        return entries;
    }

    private static Entry entry(JsonNode node, String at) {
        if (!node.isObject()) {
            throw BenchrunException.input(at + " is not a benchmark result (expected an object)");
        }
        String benchmark = requiredText(node, "benchmark", at);
        String where = at + " (" + benchmark + ")";
        String written = requiredText(node, "mode", where);
        String mode = ResultChecks.mode(written);
        if (mode == null) {
            throw BenchrunException.input(
                    where + ": mode '" + written + "' is not one of JMH's modes (thrpt, avgt, sample, ss)");
        }
        JsonNode primary = node.get("primaryMetric");
        if (primary == null || !primary.isObject()) {
            throw BenchrunException.input(where + ": '" + benchmark + "' has no primaryMetric");
        }
        var secondary = new LinkedHashMap<String, Metric>();
        JsonNode secondaryNode = node.path("secondaryMetrics");
        secondaryNode.fields().forEachRemaining(field -> {
            Metric metric = field.getValue().isObject()
                    ? metric(field.getValue(), where + ": secondaryMetrics." + field.getKey(), false)
                    : null;
            if (metric != null) {
                secondary.put(normaliseName(field.getKey()), metric);
            }
        });
        Metric primaryMetric = metric(primary, where + ": primaryMetric", true);
        if (primaryMetric == null) {
            throw BenchrunException.input(where + ": '" + benchmark + "' has no primary score");
        }
        return new Entry(
                benchmark,
                mode,
                node.path("threads").asInt(1),
                node.path("forks").asInt(0),
                textOrNull(node, "jvm"),
                strings(node.get("jvmArgs")),
                textOrNull(node, "jdkVersion"),
                textOrNull(node, "vmName"),
                textOrNull(node, "vmVersion"),
                textOrNull(node, "jmhVersion"),
                node.path("warmupIterations").asInt(0),
                time(node, "warmupTime"),
                node.path("measurementIterations").asInt(0),
                time(node, "measurementTime"),
                params(node.get("params")),
                primaryMetric,
                secondary,
                null);
    }

    /** Older JMH wrote secondary metric names with a leading middle dot. */
    static String normaliseName(String name) {
        return name.startsWith("\u00b7") ? name.substring(1) : name;
    }

    /**
     * @param measured whether this is the measurement itself (the primary metric): its samples must
     *     all be there and be numbers; a profiler's metric may miss values (JMH writes NaN where a
     *     profiler had none for an iteration), which are left out
     */
    private static Metric metric(JsonNode node, String where, boolean measured) {
        double score = number(node.get("score"));
        String unit =
                node.path("scoreUnit").isValueNode() ? node.path("scoreUnit").asText("") : "";
        if (Double.isNaN(score) && unit.equals("---")) {
            return null; // a profiler's placeholder (e.g. -prof async), not a measurement
        }
        if (unit.isBlank()) {
            throw BenchrunException.input(where + " has no scoreUnit");
        }
        double error = number(node.get("scoreError"));
        var forks = node.has("rawDataHistogram")
                ? histogramMeans(node.get("rawDataHistogram"), where + ".rawDataHistogram", measured)
                : rawData(node.get("rawData"), where + ".rawData", measured);
        var percentiles = new LinkedHashMap<String, Double>();
        node.path("scorePercentiles").fields().forEachRemaining(p -> {
            double value = number(p.getValue());
            if (Double.isFinite(value)) {
                percentiles.put(p.getKey(), value);
            }
        });
        return new Metric(score, Double.isFinite(error) ? error : null, unit, forks, percentiles);
    }

    private static List<List<Double>> rawData(JsonNode node, String where, boolean measured) {
        var forks = new ArrayList<List<Double>>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            if (measured) {
                throw BenchrunException.input(where + (node == null ? " is missing" : " is " + kind(node))
                        + ": expected the samples, one array of numbers per fork");
            }
            return forks;
        }
        int f = 0;
        for (JsonNode fork : node) {
            String at = where + "[" + f++ + "]";
            if (!fork.isArray()) {
                if (measured) {
                    throw BenchrunException.input(at + " is " + kind(fork) + ": expected a fork's samples, an array");
                }
                continue;
            }
            var values = new ArrayList<Double>();
            int i = 0;
            for (JsonNode v : fork) {
                double value = number(v);
                if (measured && Double.isNaN(value)) {
                    throw BenchrunException.input(at + "[" + i + "] is " + kind(v) + ": expected a number");
                }
                if (!Double.isNaN(value)) {
                    values.add(value);
                }
                i++;
            }
            if (!values.isEmpty() || measured) {
                forks.add(values);
            }
        }
        return forks;
    }

    /** Sampled modes: each iteration is a histogram of [value, count]; its sample is the mean. */
    private static List<List<Double>> histogramMeans(JsonNode node, String where, boolean measured) {
        var forks = new ArrayList<List<Double>>();
        if (!node.isArray() || node.isEmpty()) {
            if (measured) {
                throw BenchrunException.input(
                        where + " is " + kind(node) + ": expected one array of iterations per fork");
            }
            return forks;
        }
        int f = 0;
        for (JsonNode fork : node) {
            var values = new ArrayList<Double>();
            int i = 0;
            for (JsonNode iteration : fork) {
                String at = where + "[" + f + "][" + i++ + "]";
                double sum = 0;
                double count = 0;
                for (JsonNode bucket : iteration) {
                    double value = number(bucket.get(0));
                    double n = number(bucket.get(1));
                    if (!(Double.isFinite(value) && n >= 0 && Double.isFinite(n))) {
                        if (measured) {
                            throw BenchrunException.input(at + " has " + bucket
                                    + ": expected [value, count] with a number and a count of 0 or more");
                        }
                        continue;
                    }
                    sum += value * n;
                    count += n;
                }
                if (count > 0) {
                    values.add(sum / count);
                } else if (measured) {
                    throw BenchrunException.input(at + " holds no samples: expected [value, count] pairs");
                }
            }
            if (!values.isEmpty() || measured) {
                forks.add(values);
            }
            f++;
        }
        return forks;
    }

    /** A JSON value as the message names it: a string with its text, a number, or its kind. */
    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isTextual()) {
            String text = node.asText();
            return "\"" + (text.length() <= 40 ? text : text.substring(0, 40) + "…") + "\"";
        }
        if (node.isArray()) {
            return node.isEmpty() ? "an empty array" : "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.toString();
    }

    private static double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static Map<String, String> params(JsonNode node) {
        var params = new LinkedHashMap<String, String>();
        if (node != null && node.isObject()) {
            node.fields()
                    .forEachRemaining(f -> params.put(f.getKey(), f.getValue().asText()));
        }
        return params;
    }

    private static List<String> strings(JsonNode node) {
        var values = new ArrayList<String>();
        if (node != null && node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw BenchrunException.input(where + ": "
                    + (value == null ? "missing '" + field + "'" : "'" + field + "' is " + kind(value))
                    + ": not a JMH result");
        }
        return value.asText();
    }

    /** JMH writes "500 ms"; benchrun's settings say "500ms". */
    private static String time(JsonNode node, String field) {
        String value = textOrNull(node, field);
        return value == null ? null : value.replace(" ", "");
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
