package dev.benchrun.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.BenchrunException;
import dev.benchrun.json.Json;
import dev.benchrun.model.Metric;
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

    /** One element of JMH's result array: a benchmark with one set of params. */
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
            Map<String, Metric> secondary) {}

    private JmhJson() {}

    public static List<Entry> parse(String text, String source) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw BenchrunException.input(source + " is not JSON: " + e.getOriginalMessage(), e);
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
            entries.add(entry(node, source + " [" + index++ + "]"));
        }
        return entries;
    }

    private static Entry entry(JsonNode node, String where) {
        String benchmark = requiredText(node, "benchmark", where);
        String mode = requiredText(node, "mode", where);
        JsonNode primary = node.get("primaryMetric");
        if (primary == null || !primary.isObject()) {
            throw BenchrunException.input(where + ": '" + benchmark + "' has no primaryMetric");
        }
        var secondary = new LinkedHashMap<String, Metric>();
        JsonNode secondaryNode = node.path("secondaryMetrics");
        secondaryNode.fields().forEachRemaining(field -> {
            Metric metric = metric(field.getValue(), where + " " + field.getKey());
            if (metric != null) {
                secondary.put(normaliseName(field.getKey()), metric);
            }
        });
        Metric primaryMetric = metric(primary, where + " primaryMetric");
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
                secondary);
    }

    /** Older JMH wrote secondary metric names with a leading middle dot. */
    static String normaliseName(String name) {
        return name.startsWith("\u00b7") ? name.substring(1) : name;
    }

    private static Metric metric(JsonNode node, String where) {
        double score = number(node.get("score"));
        String unit = node.path("scoreUnit").asText("");
        if (Double.isNaN(score) && unit.equals("---")) {
            return null; // a profiler's placeholder (e.g. -prof async), not a measurement
        }
        double error = number(node.get("scoreError"));
        var forks = node.has("rawDataHistogram")
                ? histogramMeans(node.get("rawDataHistogram"))
                : rawData(node.get("rawData"));
        var percentiles = new LinkedHashMap<String, Double>();
        node.path("scorePercentiles").fields().forEachRemaining(p -> {
            double value = number(p.getValue());
            if (!Double.isNaN(value)) {
                percentiles.put(p.getKey(), value);
            }
        });
        if (unit.isEmpty()) {
            throw BenchrunException.input(where + " has no scoreUnit");
        }
        return new Metric(score, Double.isNaN(error) ? null : error, unit, forks, percentiles);
    }

    private static List<List<Double>> rawData(JsonNode node) {
        var forks = new ArrayList<List<Double>>();
        if (node == null || !node.isArray()) {
            return forks;
        }
        for (JsonNode fork : node) {
            var values = new ArrayList<Double>();
            fork.forEach(v -> {
                double value = number(v);
                if (!Double.isNaN(value)) {
                    values.add(value);
                }
            });
            forks.add(values);
        }
        return forks;
    }

    /** Sampled modes: each iteration is a histogram of [value, count]; its sample is the mean. */
    private static List<List<Double>> histogramMeans(JsonNode node) {
        var forks = new ArrayList<List<Double>>();
        for (JsonNode fork : node) {
            var values = new ArrayList<Double>();
            for (JsonNode iteration : fork) {
                double sum = 0;
                double count = 0;
                for (JsonNode bucket : iteration) {
                    double value = number(bucket.get(0));
                    double n = number(bucket.get(1));
                    sum += value * n;
                    count += n;
                }
                if (count > 0) {
                    values.add(sum / count);
                }
            }
            forks.add(values);
        }
        return forks;
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
            throw BenchrunException.input(where + ": missing '" + field + "': not a JMH result");
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
