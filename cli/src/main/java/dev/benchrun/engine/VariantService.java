package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.analysis.ReportAssembler;
import dev.benchrun.config.CompareSettingsLoader;
import dev.benchrun.host.Interrupts;
import dev.benchrun.host.NoiseProbe;
import dev.benchrun.jmh.JmhLauncher;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunProgress;
import dev.benchrun.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The variants use case, {@code run --profile quick,g1} or {@code --jvm A,B}: the same selection
 * under each variant (every profile with every JVM), the variants' forks interleaved benchmark by
 * benchmark so that drift is shared, each variant stored as a run of its own, and the variants
 * shown side by side with the winner per benchmark.
 */
public final class VariantService {

    /** The most variants one run takes: each adds the whole selection's time again. */
    public static final int MAX_VARIANTS = 8;

    private final Store store;
    private final VariantExecutor executor;
    private final RunProgress progress;

    public VariantService(Store store, JmhLauncher jmh, Interrupts interrupts, RunProgress progress, NoiseProbe noise) {
        this.store = store;
        this.executor = new VariantExecutor(store, jmh, interrupts, progress, noise);
        this.progress = progress;
    }

    /** Everything that can be wrong (exit 2) is found before anything runs; a dry run stops there. */
    public VariantOutcome run(VariantJob job) {
        var profiles = job.profiles().isEmpty() ? Arrays.asList(job.run().profile()) : job.profiles();
        var jvms = job.jvms().isEmpty() ? Arrays.asList(job.run().jvm()) : job.jvms();
        once("--profile", profiles);
        once("--jvm", jvms);
        int count = profiles.size() * jvms.size();
        if (count < 2) {
            throw BenchrunException.input("a variant run needs two variants or more: --profile A,B or --jvm A,B");
        }
        if (count > MAX_VARIANTS) {
            throw BenchrunException.input(profiles.size() + " profiles × " + jvms.size() + " JVMs are " + count
                    + " variants; at most " + MAX_VARIANTS + " run together, each taking the selection's whole time");
        }
        var planned = new ArrayList<PlannedRun>();
        for (String profile : profiles) {
            for (Path jvm : jvms) {
                planned.add(RunPlanner.plan(request(job.run(), profile, jvm)));
            }
        }
        store.check();
        var names = names(planned, profiles.size() > 1, jvms.size() > 1);
        var plans = planned.stream().map(PlannedRun::plan).toList();
        var notes = notes(names, plans);
        var estimate = estimate(plans);
        if (job.dryRun()) {
            return new VariantOutcome(names, plans, estimate, notes, List.of(), List.of(), null, null);
        }
        progress.startingVariants(
                names,
                (int) plans.stream()
                        .flatMap(p -> p.items().stream())
                        .map(RunPlan.Item::id)
                        .distinct()
                        .count(),
                plans.stream().mapToInt(RunPlan::combinations).sum(),
                estimate,
                notes);
        var executed = executor.execute(
                planned,
                names,
                job.run().workingDir(),
                job.strictEnv(),
                new PlanExecutor.Revision(job.commit(), job.branch()));
        var settings = CompareSettingsLoader.settings(planned.get(0).profile(), CompareSettingsLoader.Overrides.NONE);
        var table = ReportAssembler.variants(executed.runs().get(0), executed.runs(), settings);
        String notStored = executed.notStored() == null
                ? null
                : "the variant run could not be stored in " + store.root() + ": " + executed.notStored();
        return new VariantOutcome(
                names,
                plans,
                estimate,
                notes,
                executed.runs(),
                executed.dirs() == null ? List.of() : executed.dirs(),
                table,
                notStored);
    }

    private static void once(String option, List<?> values) {
        var seen = new HashSet<Object>();
        for (Object value : values) {
            if (!seen.add(value)) {
                throw BenchrunException.input(option + ": " + (value == null ? "the default" : value)
                        + " is given twice; give each variant once");
            }
        }
    }

    /** The request under one profile and JVM; null keeps the request's own. */
    private static RunRequest request(RunRequest r, String profile, Path jvm) {
        return new RunRequest(
                r.jar(),
                r.manifest(),
                r.workingDir(),
                r.categories(),
                r.filters(),
                profile,
                jvm,
                r.jvmArgs(),
                r.params(),
                r.label(),
                r.overrides());
    }

    /**
     * Each variant's name: its profile where the profiles differ, its JVM's version where the JVMs
     * do ("g1 / Java 21.0.5"), the JVM's path where two JVMs have one version.
     */
    static List<String> names(List<PlannedRun> planned, boolean byProfile, boolean byJvm) {
        var versions = planned.stream().map(p -> p.plan().jvm().version()).toList();
        var paths = planned.stream().map(p -> p.plan().jvm().path()).distinct().count();
        boolean versionsTell = versions.stream().distinct().count() == paths;
        var names = new ArrayList<String>();
        for (var p : planned) {
            var parts = new ArrayList<String>();
            if (byProfile) {
                parts.add(p.plan().settings().profile());
            }
            if (byJvm) {
                parts.add(
                        versionsTell
                                ? "Java " + p.plan().jvm().version()
                                : p.plan().jvm().path());
            }
            names.add(String.join(" / ", parts));
        }
        if (new LinkedHashSet<>(names).size() < names.size()) {
            throw BenchrunException.input(
                    "two variants are the same: " + String.join(", ", names) + "; give profiles or JVMs that differ");
        }
        return names;
    }

    /**
     * The variants' plan notes, once where every variant has the note and under the variant's name
     * where only some do; and the benchmarks some variants lack.
     */
    static List<String> notes(List<String> names, List<RunPlan> plans) {
        var notes = new ArrayList<String>();
        var all = new LinkedHashSet<String>();
        plans.forEach(p -> all.addAll(p.notes()));
        for (String note : all) {
            var having = new ArrayList<String>();
            for (int v = 0; v < plans.size(); v++) {
                if (plans.get(v).notes().contains(note)) {
                    having.add(names.get(v));
                }
            }
            notes.add(having.size() == plans.size() ? note : String.join(", ", having) + ": " + note);
        }
        var methods = new LinkedHashMap<String, List<String>>();
        for (int v = 0; v < plans.size(); v++) {
            for (var item : plans.get(v).items()) {
                methods.computeIfAbsent(item.id(), id -> new ArrayList<>()).add(names.get(v));
            }
        }
        methods.forEach((id, having) -> {
            if (having.size() < plans.size()) {
                notes.add(id + " runs only under " + String.join(", ", having));
            }
        });
        return notes;
    }

    /**
     * The variants' estimates, each fork its own JMH invocation: what the interleaving costs over
     * running the variants one after the other.
     */
    static Duration estimate(List<RunPlan> plans) {
        double extra = 0;
        for (var plan : plans) {
            for (var item : plan.items()) {
                extra += (item.forks() - 1) * RunPlanner.INVOCATION_OVERHEAD_SECONDS;
            }
        }
        return plans.stream()
                .map(RunPlan::estimate)
                .reduce(Duration.ZERO, Duration::plus)
                .plusMillis(Math.round(extra * 1000));
    }
}
