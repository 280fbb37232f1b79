package dev.benchrun.jmh;

import dev.benchrun.config.Manifest;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Category;
import dev.benchrun.model.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JMH's result entries into benchrun's results: short ids, category, budget, and the
 * judged metric (with its unit) from the manifest.
 */
public final class ResultClassifier {

    private ResultClassifier() {}

    /** Ids from the entries themselves: for files that hold a whole suite. */
    public static List<BenchmarkResult> classify(List<JmhJson.Entry> entries, Manifest manifest) {
        return classify(
                entries,
                manifest,
                BenchmarkCatalog.Ids.assign(entries.stream()
                        .map(JmhJson.Entry::benchmark)
                        .distinct()
                        .toList()));
    }

    /** Ids given by the caller, e.g. assigned over a whole jar while its benchmarks run one by one. */
    public static List<BenchmarkResult> classify(
            List<JmhJson.Entry> entries, Manifest manifest, Map<String, String> ids) {
        return entries.stream()
                .map(e -> classify(e, ids.getOrDefault(e.benchmark(), e.benchmark()), manifest))
                .toList();
    }

    static BenchmarkResult classify(JmhJson.Entry entry, String id, Manifest manifest) {
        var rule = manifest.classify(id, entry.benchmark()).orElse(null);
        String category = rule != null && rule.category() != null ? rule.category() : Category.UNCATEGORISED;
        String judged = BenchmarkResult.PRIMARY;
        var secondary = new LinkedHashMap<String, Metric>(entry.secondary());
        if (rule != null && rule.metric() != null && secondary.containsKey(rule.metric())) {
            judged = rule.metric();
            secondary.put(judged, perIteration(secondary.get(judged), rule.unit()));
        }
        return new BenchmarkResult(
                id,
                entry.benchmark(),
                entry.params(),
                entry.mode(),
                entry.threads(),
                category,
                rule == null ? null : rule.budget(),
                judged,
                entry.primary(),
                secondary,
                List.of(),
                null,
                entry.wallSeconds());
    }

    /**
     * A counter the manifest names as the judged metric (e.g. "bytes"): JMH's score for an
     * {@code @AuxCounters(EVENTS)} counter is the sum over all iterations, while each iteration
     * reports the quantity itself, so the score becomes the mean of the iterations' values.
     */
    private static Metric perIteration(Metric counter, String unit) {
        double[] samples = counter.samples();
        double score = samples.length == 0
                ? counter.score()
                : java.util.Arrays.stream(samples).average().orElseThrow();
        return new Metric(score, null, unit != null ? unit : counter.unit(), counter.forks(), counter.percentiles());
    }
}
