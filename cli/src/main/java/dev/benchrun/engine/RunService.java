package dev.benchrun.engine;

import dev.benchrun.analysis.Judge;
import dev.benchrun.config.CompareSettingsLoader;
import dev.benchrun.host.Interrupts;
import dev.benchrun.host.NoiseProbe;
import dev.benchrun.jmh.JmhLauncher;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.RunProgress;
import dev.benchrun.store.JvmCache;
import dev.benchrun.store.Store;
import java.util.List;

/** The run use case: plan, run in forked JVMs, store the run and, if asked, compare it with a baseline. */
public final class RunService {

    private final Store store;
    private final BaselineService baselines;
    private final PlanExecutor executor;
    private final RunProgress progress;

    public RunService(Store store, JmhLauncher jmh, Interrupts interrupts, RunProgress progress, NoiseProbe noise) {
        this.store = store;
        this.baselines = new BaselineService(store);
        this.executor = new PlanExecutor(store, jmh, interrupts, progress, noise);
        this.progress = progress;
    }

    /**
     * Everything that can be wrong with the request (exit 2) is found before anything runs: the
     * plan, and with a comparison its baseline and settings. A dry run stops there.
     */
    public RunOutcome run(RunJob job) {
        var jvms = new JvmCache(store.root());
        var planned = job.shard() == null
                ? RunPlanner.plan(job.run(), "--jvm", jvms)
                : RunPlanner.shard(RunPlanner.plan(job.run(), "--jvm", jvms), job.shard());
        store.check();
        var plan = planned.plan();
        var workingDir = job.run().workingDir();
        CompareSides.Loaded baseline = null;
        CompareSettings settings = null;
        if (job.compare() != null) {
            // Raw JMH files on the baseline side are categorised with the run's own manifest.
            baseline = new CompareSides(store, planned.suite().manifest(), workingDir)
                    .load(job.compare().baseline());
            settings = CompareSettingsLoader.settings(
                    planned.profile(), job.compare().overrides());
        }
        if (job.saveBaseline() != null) {
            baselines.check(job.saveBaseline());
        }
        if (job.dryRun()) {
            return new RunOutcome(plan, null, null, null, null, null);
        }
        progress.starting(new RunProgress.Start(
                plan.items().size(),
                plan.combinations(),
                plan.estimate(),
                plan.settings().profile(),
                null,
                plan.notes()));
        var executed = executor.execute(
                planned,
                workingDir,
                PlanExecutor.ExtraArguments.NONE,
                PlanExecutor.BeforePublish.NONE,
                job.strictEnv(),
                new PlanExecutor.Revision(job.commit(), job.branch()));
        Comparison comparison = null;
        if (baseline != null && !executed.run().interrupted()) {
            var candidate = CompareSides.loaded(executed.run().id(), List.of(executed.run()));
            comparison = CompareService.finished(
                    store,
                    Judge.compare(baseline.runs(), baseline.side(), candidate.runs(), candidate.side(), settings),
                    baseline,
                    candidate);
        }
        String notStored = executed.notStored() == null
                ? null
                : "the run could not be stored in " + store.root() + ": " + executed.notStored();
        // An interrupted run stands for nothing ('latest' skips it too), and one not stored has no copy.
        SavedBaseline saved = job.saveBaseline() != null
                        && notStored == null
                        && !executed.run().interrupted()
                        && !executed.run().benchmarks().isEmpty()
                ? baselines.keep(job.saveBaseline(), List.of(executed.run()))
                : null;
        return new RunOutcome(plan, executed.run(), executed.runDir(), comparison, notStored, saved);
    }
}
