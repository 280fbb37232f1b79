package dev.benchrun.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One benchmark compared: both sides' means with intervals (in the baseline's unit), the change of
 * cost with its interval (positive = worse, whatever the mode), the U test's p and the verdict.
 *
 * @param change cost ratio candidate / baseline minus one, with its bootstrap interval
 * @param pValue null where the two sides could not be compared (units that do not convert)
 * @param verdict the worse of the score's and the allocation's verdicts
 * @param hotspots where a profile of the regression exists, the frames that grew most
 * @param pairing how the two sides were paired, for the benchmarks of an A/B session; null otherwise
 * @param baselineRuns how many runs of the baseline hold this benchmark
 * @param candidateRuns how many runs of the candidate hold it
 * @param runSpread how the runs were judged where the baseline holds several; null otherwise
 * @param wallSeconds the wall time the candidate's run spent on the benchmark
 *     ({@link BenchmarkResult#wallSeconds()}); null where it was not measured
 */
public record Delta(
        String id,
        String benchmark,
        Map<String, String> params,
        String mode,
        String category,
        String unit,
        Interval baseline,
        Interval candidate,
        Interval change,
        Double pValue,
        int baselineSamples,
        int candidateSamples,
        Verdict verdict,
        Allocation allocation,
        String budget,
        Boolean budgetMet,
        List<String> warnings,
        List<HotspotDiff> hotspots,
        Pairing pairing,
        int baselineRuns,
        int candidateRuns,
        RunSpread runSpread,
        Double wallSeconds) {

    public Delta {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        hotspots = hotspots == null ? List.of() : List.copyOf(hotspots);
    }

    /**
     * Bytes allocated per operation on both sides, and what that means.
     *
     * @param change candidate / baseline − 1; null where the baseline allocated nothing
     * @param reason e.g. "allocated nothing, now 24 B/op"
     */
    public record Allocation(double baseline, double candidate, Double change, Verdict verdict, String reason) {}

    @JsonIgnore
    public String displayName() {
        return key().display(id);
    }

    /** Name, params and mode: what matched the two sides. */
    @JsonIgnore
    public BenchmarkKey key() {
        return new BenchmarkKey(benchmark, params, mode);
    }

    /** The same delta, counting the runs each side held for it, with a note on what that means. */
    public Delta withRuns(int baselineRuns, int candidateRuns, String note) {
        var notes = new java.util.ArrayList<>(warnings);
        if (note != null) {
            notes.add(note);
        }
        return new Delta(
                id,
                benchmark,
                params,
                mode,
                category,
                unit,
                baseline,
                candidate,
                change,
                pValue,
                baselineSamples,
                candidateSamples,
                verdict,
                allocation,
                budget,
                budgetMet,
                notes,
                hotspots,
                pairing,
                baselineRuns,
                candidateRuns,
                runSpread,
                wallSeconds);
    }

    /** The same delta with the frames that grew in its profile, and a note about the profile. */
    public Delta withProfile(List<HotspotDiff> grown, String note) {
        var notes = new java.util.ArrayList<>(warnings);
        if (note != null) {
            notes.add(note);
        }
        return new Delta(
                id,
                benchmark,
                params,
                mode,
                category,
                unit,
                baseline,
                candidate,
                change,
                pValue,
                baselineSamples,
                candidateSamples,
                verdict,
                allocation,
                budget,
                budgetMet,
                notes,
                grown,
                pairing,
                baselineRuns,
                candidateRuns,
                runSpread,
                wallSeconds);
    }
}
