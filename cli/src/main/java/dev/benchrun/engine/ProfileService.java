package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.host.Interrupts;
import dev.benchrun.host.NoiseProbe;
import dev.benchrun.jmh.JmhLauncher;
import dev.benchrun.model.BenchmarkProfile;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.ProfileArtefact;
import dev.benchrun.model.ProfileDiff;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunProgress;
import dev.benchrun.model.RunResult;
import dev.benchrun.profiler.AsyncOptions;
import dev.benchrun.profiler.Attribution;
import dev.benchrun.profiler.CollapsedStacks;
import dev.benchrun.profiler.DiffFlameGraph;
import dev.benchrun.profiler.EventProbe;
import dev.benchrun.profiler.FlameGraphPage;
import dev.benchrun.profiler.Platform;
import dev.benchrun.profiler.ProfileEvent;
import dev.benchrun.profiler.ProfileFiles;
import dev.benchrun.profiler.ProfilerLibrary;
import dev.benchrun.store.AtomicFiles;
import dev.benchrun.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The profile use case: runs benchmarks with async-profiler attached through JMH, stores the run
 * with its flame graphs and collapsed stacks, and reduces each profile to hotspots, diffed against
 * another side's profile of the same benchmark where there is one.
 */
public final class ProfileService {

    /** The other side of a differential: its run and the directory its profile files are in. */
    private record Against(String name, RunResult run, Path runDir) {}

    private final Store store;
    private final PlanExecutor executor;
    private final RunProgress progress;
    private final Function<Path, EventProbe.Sampler> sampler;

    /**
     * @param sampler tries events with the profiler library at the given path (EventProbe::inProcess)
     * @param noise reads how quiet the machine is, for the run's record
     */
    public ProfileService(
            Store store,
            JmhLauncher jmh,
            Interrupts interrupts,
            RunProgress progress,
            Function<Path, EventProbe.Sampler> sampler,
            NoiseProbe noise) {
        this.store = store;
        this.executor = new PlanExecutor(store, jmh, interrupts, progress, noise);
        this.progress = progress;
        this.sampler = sampler;
    }

    /**
     * Checks, then profiles. Everything that can fail before a benchmark runs comes first: a
     * platform without a profiler library (exit 3), then errors in the request (unknown
     * baseline, bad selection; exit 2), then an event that cannot be sampled here (exit 3).
     */
    public ProfileOutcome profile(ProfileRequest request) {
        Platform platform = Platform.current();
        Optional<Against> against = Optional.ofNullable(request.against()).map(this::against);
        PlannedRun planned = RunPlanner.plan(request.run());
        var plan = planned.plan();
        Path library = ProfilerLibrary.extract(store.check().resolve("cache"), platform);
        var resolution = EventProbe.resolve(request.event(), platform, sampler.apply(library));
        ProfileEvent event = resolution.event();
        var notes = new ArrayList<String>(plan.notes());
        if (resolution.note() != null) {
            notes.add(resolution.note());
        }
        int forks = plan.items().stream().mapToInt(RunPlan.Item::forks).max().orElse(1);
        if (forks > 1) {
            // JMH names the profiler's files by benchmark and params only, so every fork writes the same ones.
            notes.add("each of the " + forks + " forks writes the same profile files; "
                    + "the stored profile is the last fork's (-f 1 profiles one fork in less time)");
        }
        progress.starting(new RunProgress.Start(
                plan.items().size(),
                plan.combinations(),
                plan.estimate(),
                plan.settings().profile(),
                event.id(),
                notes));
        var profiles = new ArrayList<BenchmarkProfile>();
        PlanExecutor.ExtraArguments attach =
                (item, runDir) -> List.of("-prof", AsyncOptions.jmh(library, event, runDir.resolve(ProfileFiles.DIR)));
        PlanExecutor.BeforePublish link = (run, runDir) -> link(run, runDir, event, against, profiles);
        var executed = executor.execute(planned, request.run().workingDir(), attach, link, false);
        if (executed.notStored() != null) {
            throw BenchrunException.execution(
                    "the profiled run could not be stored in " + store.root() + ": " + executed.notStored());
        }
        return new ProfileOutcome(executed.run(), executed.runDir(), profiles);
    }

    private RunResult link(
            RunResult run, Path runDir, ProfileEvent event, Optional<Against> against, List<BenchmarkProfile> profiles)
            throws IOException {
        var linked = new ArrayList<BenchmarkResult>();
        for (BenchmarkResult result : run.benchmarks()) {
            var artefacts = new ArrayList<>(ProfileFiles.written(runDir, result, event));
            retitle(
                    runDir,
                    artefacts,
                    FlameGraphPage.title(result.displayName(), event, run.id(), run.started(), null));
            var collapsed = artefacts.stream()
                    .filter(a -> a.kind().equals(ProfileFiles.COLLAPSED))
                    .findFirst();
            if (collapsed.isEmpty()) {
                var bare = result.withProfiles(artefacts);
                profiles.add(new BenchmarkProfile(
                        bare, null, null, "the profiler wrote no collapsed stacks for it; see jmh.log in the run"));
                linked.add(bare);
                continue;
            }
            var stacks = CollapsedStacks.read(runDir.resolve(collapsed.get().path()), event);
            var hotspots = Attribution.hotspots(stacks, event);
            ProfileDiff diff = null;
            String note = null;
            if (against.isPresent()) {
                var other = otherProfile(against.get(), result, event);
                if (other.isEmpty()) {
                    note = against.get().name() + " holds no " + event.id() + " profile of " + result.displayName();
                } else {
                    var otherStacks = CollapsedStacks.read(other.get(), event);
                    diff = Attribution.diff(against.get().name(), Attribution.hotspots(otherStacks, event), hotspots);
                    String path = ProfileFiles.diffFlameGraph(result, event);
                    AtomicFiles.write(
                            runDir.resolve(path),
                            DiffFlameGraph.html(
                                    FlameGraphPage.title(
                                            result.displayName(),
                                            event,
                                            run.id(),
                                            run.started(),
                                            against.get().name()),
                                    otherStacks,
                                    stacks));
                    artefacts.add(new ProfileArtefact(event.id(), ProfileFiles.DIFF_FLAMEGRAPH, path));
                }
            }
            var withFiles = result.withProfiles(artefacts);
            profiles.add(new BenchmarkProfile(withFiles, hotspots, diff, note));
            linked.add(withFiles);
        }
        var profilers = new ArrayList<>(run.settings().profilers());
        // Recorded so a comparison can tell this run's numbers carry the profiler's overhead.
        profilers.add("async:event=" + event.id());
        // Marked so that it is never taken for the code's performance when no run is named.
        return run.withBenchmarks(linked)
                .withSettings(run.settings().withProfilers(profilers))
                .withKind(RunResult.PROFILE);
    }

    /** Gives async-profiler's pages of a result their title and plain-text controls. */
    private static void retitle(Path runDir, List<ProfileArtefact> artefacts, String title) throws IOException {
        for (ProfileArtefact artefact : artefacts) {
            String pageTitle = switch (artefact.kind()) {
                case ProfileFiles.FLAMEGRAPH -> title;
                case ProfileFiles.FLAMEGRAPH_REVERSE ->
                    title + " (reverse: the sampled methods at the root, their callers outward)";
                default -> null;
            };
            if (pageTitle != null) {
                Path page = runDir.resolve(artefact.path());
                AtomicFiles.write(page, FlameGraphPage.retitled(Files.readString(page), pageTitle));
            }
        }
    }

    /** The other side's collapsed stacks for the same benchmark, params, mode and a comparable event. */
    private static Optional<Path> otherProfile(Against against, BenchmarkResult result, ProfileEvent event) {
        return against.run().benchmarks().stream()
                .filter(r -> r.key().equals(result.key()))
                .flatMap(r -> r.profiles().stream())
                .filter(a -> a.kind().equals(ProfileFiles.COLLAPSED))
                .filter(a -> {
                    var otherEvent = ProfileEvent.byId(a.event());
                    return otherEvent != null && otherEvent.comparableWith(event);
                })
                .map(a -> against.runDir().resolve(a.path()))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /**
     * A baseline name or a run id. A baseline is a copy of run.json; its profile files stay in the
     * run directory it was saved from.
     */
    private Against against(String ref) {
        if (store.hasBaselineNamed(ref)) {
            var run = store.readBaseline(ref).latest();
            return new Against("baseline '" + ref + "'", run, store.runDir(run.id()));
        }
        try {
            var run = store.readRun(ref);
            return new Against("run " + run.id(), run, store.runDir(run.id()));
        } catch (BenchrunException e) {
            throw BenchrunException.input("--against " + ref + ": no baseline or run of that name in store "
                    + store.root() + "; see 'benchrun list baselines' and 'benchrun list runs'");
        }
    }
}
