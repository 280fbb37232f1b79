package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.analysis.Judge;
import dev.benchrun.config.CompareSettingsLoader;
import dev.benchrun.host.Interrupts;
import dev.benchrun.jmh.JmhLauncher;
import dev.benchrun.model.BenchmarkKey;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunProgress;
import dev.benchrun.model.Session;
import dev.benchrun.model.SessionPlan;
import dev.benchrun.stats.SequentialLooks;
import dev.benchrun.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;

/**
 * The A/B use case, {@code run --against}: two builds (or two JVMs) measured in one session, their
 * forks interleaved in pairs, each benchmark taking pairs until its verdict is decided; then both
 * sides stored as runs of one session and judged by their pairs.
 */
public final class SessionService {

    /** The profile of a session when none is named: short forks, α 1%. */
    public static final String DEFAULT_PROFILE = "pairs";
    /**
     * The most pairs a benchmark takes by default. With the {@code pairs} profile a pair takes about
     * 4 s here (2 cores), so a benchmark is decided within a minute (looks at 9 and 12 pairs at α = 0.01); docs/accuracy.md measures it.
     */
    public static final int DEFAULT_MAX_PAIRS = 12;
    /** Pairs between two looks: each look costs α, so a look after every pair would cost power. */
    static final int LOOK_STEP = 3;

    private final Store store;
    private final SessionExecutor executor;
    private final RunProgress progress;

    public SessionService(Store store, JmhLauncher jmh, Interrupts interrupts, RunProgress progress) {
        this.store = store;
        this.executor = new SessionExecutor(store, jmh, interrupts, progress);
        this.progress = progress;
    }

    /** Everything that can be wrong (exit 2) is found before anything runs; a dry run stops there. */
    public SessionOutcome run(SessionJob job) {
        if (!job.against().differs()) {
            throw BenchrunException.input(
                    "an A/B session needs a side to compare with: --against JAR, --against-jvm or --against-jvm-args");
        }
        if (job.maxPairs() != null && job.maxPairs() < 2) {
            throw BenchrunException.input("--max-pairs must be at least 2 (got " + job.maxPairs() + ")");
        }
        if (job.maxTime() != null
                && (job.maxTime().isNegative() || job.maxTime().isZero())) {
            throw BenchrunException.input("--max-time must be longer than zero");
        }
        if (job.precision() != null && !(job.precision() > 0)) {
            throw BenchrunException.input("--precision must be more than 0%");
        }
        var candidateRequest = withProfile(job.candidate());
        var candidate = RunPlanner.plan(candidateRequest);
        var baseline = RunPlanner.plan(
                baselineRequest(candidateRequest, job.against()),
                job.against().jvm() != null ? "--against-jvm" : "--jvm");
        store.check();
        var overrides = job.compare() == null
                ? CompareSettingsLoader.Overrides.NONE
                : job.compare().overrides();
        CompareSettings settings = CompareSettingsLoader.settings(candidate.profile(), overrides);
        int maxPairs = job.maxPairs() != null ? job.maxPairs() : DEFAULT_MAX_PAIRS;
        var looks = SequentialLooks.earliest(maxPairs, LOOK_STEP, settings.alpha());
        var plan = plan(baseline, candidate, looks, job.maxTime());
        if (job.maxTime() != null) {
            checkMaxTime(plan, job.maxTime());
        }
        if (job.dryRun()) {
            return new SessionOutcome(plan, null, null, null, null, null, null);
        }
        progress.starting(new RunProgress.Start(
                plan.units().size(), plan.longest(), candidate.plan().settings().profile(), null, plan.notes()));
        var executed = executor.execute(
                plan,
                baseline,
                candidate,
                looks,
                settings,
                job.precision(),
                job.candidate().workingDir());
        var baseSide = CompareSides.loaded(executed.baseline().id(), executed.baseline());
        var candSide = CompareSides.loaded(executed.candidate().id(), executed.candidate());
        var comparison = Judge.compare(baseSide.run(), baseSide.side(), candSide.run(), candSide.side(), settings);
        String notStored = executed.notStored() == null
                ? null
                : "the session could not be stored in " + store.root() + ": " + executed.notStored();
        return new SessionOutcome(
                plan,
                executed.baseline(),
                executed.candidate(),
                comparison,
                executed.baselineDir(),
                executed.candidateDir(),
                notStored);
    }

    /**
     * {@code --max-time} is shared equally by the benchmarks, and a benchmark whose share cannot fit
     * one pair is never run; with less than two pairs each, as few as {@code --max-pairs} allows, a
     * session would judge nothing, so it is refused before anything runs.
     */
    private static void checkMaxTime(SessionPlan plan, Duration maxTime) {
        var slowest = plan.units().stream()
                .max(Comparator.comparing(SessionPlan.Unit::perPair))
                .orElseThrow();
        var least = slowest.perPair().multipliedBy(2L * plan.units().size());
        if (maxTime.compareTo(least) < 0) {
            throw BenchrunException.input("--max-time " + time(maxTime) + " leaves "
                    + (plan.units().size() == 1
                            ? "the benchmark"
                            : "each of the " + plan.units().size() + " benchmarks")
                    + " less than two pairs of forks (" + slowest.name() + ": about " + time(slowest.perPair())
                    + " a pair): allow at least " + time(least) + ", or select fewer benchmarks");
        }
    }

    /** "45s", "2m", "1m30s": as {@code --max-time} takes it. */
    private static String time(Duration d) {
        long s = (long) Math.ceil(d.toMillis() / 1000.0);
        return s < 60 ? s + "s" : s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
    }

    private static RunRequest withProfile(RunRequest r) {
        if (r.profile() != null) {
            return r;
        }
        return new RunRequest(
                r.jar(),
                r.manifest(),
                r.workingDir(),
                r.categories(),
                r.filters(),
                DEFAULT_PROFILE,
                r.jvm(),
                r.jvmArgs(),
                r.params(),
                r.label(),
                r.overrides());
    }

    /** The candidate's request with the baseline side's jar, JVM and JVM arguments. */
    private static RunRequest baselineRequest(RunRequest r, SessionJob.Against against) {
        return new RunRequest(
                against.jar() != null ? against.jar() : r.jar(),
                r.manifest(),
                r.workingDir(),
                r.categories(),
                r.filters(),
                r.profile(),
                against.jvm() != null ? against.jvm() : r.jvm(),
                against.jvmArgs() != null ? against.jvmArgs() : r.jvmArgs(),
                r.params(),
                r.label(),
                r.overrides());
    }

    /** The benchmarks both sides have, one param combination in one mode each, in the candidate's order. */
    static SessionPlan plan(PlannedRun baseline, PlannedRun candidate, SequentialLooks looks, Duration maxTime) {
        var baseUnits = new LinkedHashMap<BenchmarkKey, RunPlan.Item>();
        RunPlanner.singleForks(baseline.plan()).forEach(item -> baseUnits.put(key(item), item));
        var candUnits = RunPlanner.singleForks(candidate.plan());
        var severalModes = BenchmarkKey.inSeveralModes(
                candUnits.stream().map(SessionService::key).toList());
        var units = new ArrayList<SessionPlan.Unit>();
        var notes = new ArrayList<String>(candidate.plan().notes());
        baseline.plan().notes().stream()
                .filter(n -> !notes.contains(n))
                .map(n -> "baseline side: " + n)
                .forEach(notes::add);
        var onlyCandidate = new ArrayList<String>();
        for (var cand : candUnits) {
            var key = key(cand);
            String name = key.display(cand.id(), severalModes.contains(cand.benchmark()));
            var base = baseUnits.remove(key);
            if (base == null) {
                onlyCandidate.add(name);
                continue;
            }
            units.add(new SessionPlan.Unit(name, base, cand, base.estimate().plus(cand.estimate())));
        }
        if (!onlyCandidate.isEmpty()) {
            notes.add("only in the candidate, not run: " + String.join(", ", onlyCandidate));
        }
        if (!baseUnits.isEmpty()) {
            notes.add("only in the baseline, not run: "
                    + String.join(
                            ", ",
                            baseUnits.values().stream()
                                    .map(i -> key(i).display(i.id()))
                                    .toList()));
        }
        if (units.isEmpty()) {
            throw BenchrunException.input("the two sides have no benchmark in common to compare"
                    + (notes.isEmpty() ? "" : ": " + String.join("; ", notes)));
        }
        return new SessionPlan(baseline.plan(), candidate.plan(), units, looks.pairs(), Session.ABBA, maxTime, notes);
    }

    static BenchmarkKey key(RunPlan.Item unit) {
        var params = new LinkedHashMap<String, String>();
        unit.params().forEach((name, values) -> params.put(name, values.get(0)));
        return new BenchmarkKey(unit.benchmark(), params, unit.modes().get(0));
    }
}
