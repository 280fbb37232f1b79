package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.config.Profile;
import dev.benchrun.config.ProfileLoader;
import dev.benchrun.jmh.Suite;
import dev.benchrun.model.Listing;
import dev.benchrun.model.RunResult;
import dev.benchrun.store.Store;
import java.util.List;
import java.util.function.Function;

/** The list use case: a jar's benchmarks, or what the store holds (even when some files in it are unreadable). */
public final class ListService {

    private final Store store;

    public ListService(Store store) {
        this.store = store;
    }

    public Listing list(ListRequest request) {
        return switch (request.topic()) {
            case BENCHMARKS -> benchmarks(request);
            case RUNS -> new Listing.Runs(stored(store.runIds(), store::readRun));
            case BASELINES ->
                new Listing.Baselines(store.baselineNames().stream()
                        .map(name -> {
                            try {
                                return new Listing.StoredBaseline(name, store.readBaseline(name), null);
                            } catch (BenchrunException e) {
                                return new Listing.StoredBaseline(name, null, e.getMessage());
                            }
                        })
                        .toList());
            case PROFILES -> profiles(new ProfileLoader(request.workingDir()));
        };
    }

    private static Listing benchmarks(ListRequest request) {
        var suite = Suite.load(request.jar(), request.manifest(), request.workingDir());
        return new Listing.Benchmarks(suite.select(request.categories(), request.filters()).stream()
                .map(m -> new Listing.Benchmark(
                        m.id(),
                        m.category(),
                        m.info().mode(),
                        m.budget(),
                        m.info().params()))
                .toList());
    }

    private static List<Listing.Stored> stored(List<String> names, Function<String, RunResult> read) {
        return names.stream()
                .map(name -> {
                    try {
                        return new Listing.Stored(name, read.apply(name), null);
                    } catch (BenchrunException e) {
                        return new Listing.Stored(name, null, e.getMessage());
                    }
                })
                .toList();
    }

    private static Listing profiles(ProfileLoader loader) {
        return new Listing.Profiles(loader.names().stream()
                .map(loader::load)
                .map(ListService::summary)
                .toList());
    }

    private static Listing.ProfileSummary summary(Profile p) {
        var jmh = p.jmh();
        return new Listing.ProfileSummary(
                p.name(),
                jmh.forks(),
                jmh.warmupIterations(),
                jmh.warmupTime(),
                jmh.measurementIterations(),
                jmh.measurementTime(),
                p.jvm() == null ? List.of() : p.jvm().args(),
                p.description());
    }
}
