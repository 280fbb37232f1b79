package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.analysis.ReportAssembler;
import dev.benchrun.model.Report;
import dev.benchrun.model.RunResult;
import dev.benchrun.store.RunFiles;
import dev.benchrun.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/** The report use case: load the run, its comparison, variants and history from the store; never run anything. */
public final class ReportService {

    /** How many of the newest stored runs are searched for variants of the run. */
    static final int VARIANT_SEARCH = 50;

    private final Store store;
    private final CompareService compare;
    private final Consumer<String> notes;
    private final Map<String, Optional<RunResult>> loaded = new ConcurrentHashMap<>();
    /** Older runs left out of the history and variants because they cannot be read, by id. */
    private final Map<String, String> skipped = new ConcurrentSkipListMap<>();

    /** @param notes told, once per report, of each stored run left out because it cannot be read */
    public ReportService(Store store, CompareService compare, Consumer<String> notes) {
        this.store = store;
        this.compare = compare;
        this.notes = notes;
    }

    public Report report(ReportRequest request) {
        RunResult run = store.readRun(request.run()); // "latest" is found by reading runs: read once
        String runId = run.id();
        loaded.put(runId, Optional.of(run));
        var compareRequest = new CompareRequest(
                request.baseline(),
                runId,
                request.profile(),
                request.manifest(),
                request.workingDir(),
                request.overrides(),
                null);
        var comparison = request.baseline() == null ? null : compare.compare(compareRequest);
        var history = request.history() == 0 ? null : history(run, request.history());
        var variants = request.variants().isEmpty()
                ? variantsOf(run)
                : request.variants().stream()
                        .map(store::resolveRunId)
                        .distinct()
                        .map(store::readRun)
                        .toList();
        var report = ReportAssembler.assemble(new ReportAssembler.Sources(
                run,
                comparison,
                // The comparison's own settings, not a second lookup of the same profile.
                comparison != null ? comparison.settings() : CompareService.settingsFor(compareRequest, run),
                variants,
                history,
                request.history(),
                link(request.outputDir(), store.runDir(runId))));
        skipped.values().forEach(notes);
        return report;
    }

    /**
     * The last {@code count} stored runs of the run's profile up to and including the run, oldest
     * first, leaving out profile runs and runs interrupted before any result, as 'latest' does: a
     * trend across profiles (say g1 and zgc runs interleaved) would show steps that are only the
     * variants differing.
     */
    private List<RunResult> history(RunResult run, int count) {
        var ids = store.runIds();
        var earlier = ids.subList(0, ids.indexOf(run.id()) + 1);
        String profile = run.settings() == null ? null : run.settings().profile();
        var picked = new ArrayList<RunResult>();
        // Newest first, in batches read in parallel, until enough runs of the profile are found.
        int batch = Math.max(count, 16);
        for (int end = earlier.size(); end > 0 && picked.size() < count; end -= batch) {
            var runs = earlier.subList(Math.max(0, end - batch), end).parallelStream()
                    .map(this::load)
                    .flatMap(Optional::stream)
                    .toList();
            for (int i = runs.size() - 1; i >= 0 && picked.size() < count; i--) {
                var r = runs.get(i);
                if ((r.id().equals(run.id()) || r.representative())
                        && Objects.equals(
                                profile,
                                r.settings() == null ? null : r.settings().profile())) {
                    picked.add(r);
                }
            }
        }
        java.util.Collections.reverse(picked);
        return picked;
    }

    /**
     * The runs of the run's variant run ({@code run --profile A,B}) where it is one; else the run
     * and, among the newest stored runs of the same commit, the latest one per other profile, JVM
     * or JVM args (measuring runs only: a profile run is not a variant); just the run when its
     * commit is unknown or there are none.
     */
    private List<RunResult> variantsOf(RunResult run) {
        if (run.variants() != null) {
            // One variant run's runs, in the order given: what 'run --profile A,B' printed side by side.
            return run.variants().members().stream()
                    .map(member -> member.run().equals(run.id()) ? Optional.of(run) : load(member.run()))
                    .flatMap(Optional::stream)
                    .toList();
        }
        String commit = commit(run);
        if (commit == null) {
            return List.of(run);
        }
        var ids = store.runIds();
        var byVariant = new LinkedHashMap<List<Object>, RunResult>();
        byVariant.put(variantKey(run), run);
        ids.subList(Math.max(0, ids.size() - VARIANT_SEARCH), ids.size()).parallelStream()
                .filter(id -> !id.equals(run.id()))
                .map(this::load)
                .flatMap(Optional::stream)
                .filter(RunResult::representative)
                .filter(r -> commit.equals(commit(r)))
                .sorted(Comparator.comparing(RunResult::id).reversed())
                .forEachOrdered(r -> byVariant.putIfAbsent(variantKey(r), r));
        var runs = new ArrayList<>(byVariant.values());
        runs.sort(Comparator.comparing(RunResult::id));
        return runs;
    }

    private static List<Object> variantKey(RunResult run) {
        var jvm = run.environment() == null ? null : run.environment().jvm();
        var key = new ArrayList<Object>();
        key.add(run.settings() == null ? null : run.settings().profile());
        key.add(jvm == null ? null : jvm.path());
        key.add(jvm == null ? null : jvm.version());
        key.add(jvm == null ? List.of() : jvm.args());
        return key;
    }

    private static String commit(RunResult run) {
        var env = run.environment();
        return env == null || env.git() == null ? null : env.git().commit();
    }

    /**
     * Reads another stored run once, by its exact id (a listing per read would make long histories
     * quadratic); empty, with a note, when it cannot be read: one damaged old run must not block
     * every report, as {@code list runs} shows the rest too.
     */
    private Optional<RunResult> load(String id) {
        return loaded.computeIfAbsent(id, i -> {
            try {
                return Optional.of(RunFiles.readRun(store.runDir(i).resolve("run.json")));
            } catch (BenchrunException e) {
                skipped.put(i, "Note: skipped stored run " + i + ": " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** {@code target} relative to {@code from}, with forward slashes, for links in a report. */
    static String link(Path from, Path target) {
        Path relative = from.toAbsolutePath()
                .normalize()
                .relativize(target.toAbsolutePath().normalize());
        String text = relative.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
