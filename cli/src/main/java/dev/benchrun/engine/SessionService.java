package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.analysis.Judge;
import dev.benchrun.config.CompareSettingsLoader;
import dev.benchrun.host.CpuAffinity;
import dev.benchrun.host.Interrupts;
import dev.benchrun.host.NoiseProbe;
import dev.benchrun.jmh.JmhLauncher;
import dev.benchrun.model.BenchmarkKey;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunProgress;
import dev.benchrun.model.Session;
import dev.benchrun.model.SessionPlan;
import dev.benchrun.stats.SequentialLooks;
import dev.benchrun.stats.SignedRank;
import dev.benchrun.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

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
     * 4 s here (2 cores), so a benchmark is decided within a minute; docs/accuracy.md measures it.
     */
    public static final int DEFAULT_MAX_PAIRS = 15;
    /**
     * The most pairs by default when the two forks of a pair run at once ({@code --duet}): a pair
     * then takes about one fork's time, so nearly twice the pairs fit in the same time.
     */
    public static final int DEFAULT_MAX_PAIRS_DUET = 30;
    /**
     * The first check of a benchmark's interval against the equivalence margin, and the pairs
     * between two checks. A check that stops a benchmark as unchanged costs no α; α is spent only
     * at the last pair, where the exact signed-rank test with 15 pairs can reach 2/2¹⁵: split over
     * interim looks, its coarse steps at 9 or 12 pairs would leave each look too little α to use.
     */
    static final int FIRST_CHECK = 6;

    static final int CHECK_STEP = 3;

    private final Store store;
    private final SessionExecutor executor;
    private final RunProgress progress;

    public SessionService(Store store, JmhLauncher jmh, Interrupts interrupts, RunProgress progress, NoiseProbe noise) {
        this.store = store;
        this.executor = new SessionExecutor(store, jmh, interrupts, progress, noise);
        this.progress = progress;
    }

    /** Everything that can be wrong (exit 2) is found before anything runs; a dry run stops there. */
    public SessionOutcome run(SessionJob job) {
        if (!job.against().differs()) {
            throw BenchrunException.input(
                    "an A/B session needs a side to compare with: --against JAR, --against-jvm or --against-jvm-args");
        }
        if (job.candidate().overrides().annotations()) {
            // A pair is one fork of each side after the same warm-up and measurement; two jars' annotations
            // may differ, and their @Fork would mean nothing in a session of single forks.
            throw BenchrunException.input("--jmh-annotations is for a run of one build: an A/B session runs both"
                    + " sides with the same iterations, one fork per pair; give -wi, -w, -i or -r to change them");
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
        var duet = job.duet() ? CpuAffinity.halves("--duet") : null;
        int maxPairs =
                job.maxPairs() != null ? job.maxPairs() : duet != null ? DEFAULT_MAX_PAIRS_DUET : DEFAULT_MAX_PAIRS;
        var looks = new SequentialLooks(List.of(maxPairs), settings.alpha());
        var plan = withPowerNote(plan(baseline, candidate, looks, duet, job.maxTime()), looks, settings.alpha());
        Integer forks = job.candidate().overrides().forks();
        if (forks != null && forks != 1) {
            plan = withNote(
                    plan,
                    "a session runs one fork of each side per pair, so -f " + forks
                            + " is not used: --max-pairs says how many pairs a benchmark may take");
        }
        if (job.maxTime() != null) {
            checkMaxTime(plan, job.maxTime());
        }
        if (job.dryRun()) {
            return new SessionOutcome(plan, null, null, null, null, null, null);
        }
        progress.startingSession(
                plan.units().size(),
                plan.shortest(),
                plan.longest(),
                candidate.plan().settings().profile(),
                plan.notes());
        var executed = executor.execute(plan, baseline, candidate, looks, settings, job.precision(), job.strictEnv());
        var baseSide = CompareSides.loaded(executed.baseline().id(), List.of(executed.baseline()));
        var candSide = CompareSides.loaded(executed.candidate().id(), List.of(executed.candidate()));
        var comparison = CompareService.finished(
                store,
                Judge.compare(baseSide.run(), baseSide.side(), candSide.run(), candSide.side(), settings),
                baseSide,
                candSide);
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
     * The plan, with a note where no look can ever show a change: the exact test's smallest p with n
     * pairs is 2/2ⁿ, and it must be below the look's share of α (α / m, m the benchmarks, for a
     * benchmark to stop early as changed; α itself, at best, for the verdict).
     */
    static SessionPlan withPowerNote(SessionPlan plan, SequentialLooks looks, double alpha) {
        if (canReject(looks)) {
            return plan;
        }
        int enough = looks.maxPairs() + 1;
        while (enough <= SignedRank.EXACT_LIMIT && !canReject(new SequentialLooks(List.of(enough), alpha))) {
            enough++;
        }
        return withNote(
                plan,
                "with at most " + looks.maxPairs() + " pairs no change can be shown at α = " + alpha
                        + ": every verdict will be ~ or INCONCLUSIVE"
                        + (enough <= SignedRank.EXACT_LIMIT ? "; --max-pairs " + enough + " or more can" : ""));
    }

    private static SessionPlan withNote(SessionPlan plan, String note) {
        var notes = new ArrayList<>(plan.notes());
        notes.add(note);
        return new SessionPlan(
                plan.baseline(),
                plan.candidate(),
                plan.units(),
                plan.looks(),
                plan.checks(),
                plan.order(),
                plan.duet(),
                plan.maxTime(),
                notes);
    }

    private static boolean canReject(SequentialLooks looks) {
        for (int i = 0; i < looks.size(); i++) {
            if (SignedRank.minimumPValue(looks.pairs().get(i)) < looks.alphaAt(i)) {
                return true;
            }
        }
        return false;
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
    static SessionPlan plan(
            PlannedRun baseline, PlannedRun candidate, SequentialLooks looks, SessionPlan.Duet duet, Duration maxTime) {
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
        for (var candUnit : candUnits) {
            var key = key(candUnit);
            String name = key.display(candUnit.id(), severalModes.contains(candUnit.benchmark()));
            var baseUnit = baseUnits.remove(key);
            if (baseUnit == null) {
                onlyCandidate.add(name);
                continue;
            }
            // The two forks of a pair warm up alike, even where only one side's manifest asks for more.
            var base = RunPlanner.warmedAsMuchAs(baseUnit, candUnit);
            var cand = RunPlanner.warmedAsMuchAs(candUnit, baseUnit);
            var perPair = duet == null
                    ? base.estimate().plus(cand.estimate())
                    : Collections.max(List.of(base.estimate(), cand.estimate()));
            units.add(new SessionPlan.Unit(name, base, cand, perPair));
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
        var checks = new ArrayList<Integer>();
        for (int n = FIRST_CHECK; n < looks.maxPairs(); n += CHECK_STEP) {
            checks.add(n);
        }
        return new SessionPlan(
                baseline.plan(),
                candidate.plan(),
                units,
                looks.pairs(),
                checks,
                duet == null ? Session.ABBA : Session.DUET,
                duet,
                maxTime,
                notes);
    }

    /** A unit's benchmark, params and mode: what matches it on the two sides. */
    static BenchmarkKey key(RunPlan.Item unit) {
        var params = new LinkedHashMap<String, String>();
        unit.params().forEach((name, values) -> params.put(name, values.get(0)));
        return new BenchmarkKey(unit.benchmark(), params, unit.modes().get(0));
    }
}
