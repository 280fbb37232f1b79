package dev.benchrun.engine;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.analysis.NoiseWarnings;
import dev.benchrun.host.NoiseProbe;
import dev.benchrun.model.JvmInfo;
import dev.benchrun.model.Noise;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The noise preflight a run and an A/B session start with once they hold JMH's lock (so another
 * benchrun's forks are over), the refusal of {@code --strict-env}, and the sampler over the run. A
 * run begins the preflight and starts its first JMH child at once ({@link #start}).
 */
final class Preflight {

    private final NoiseProbe probe;

    Preflight(NoiseProbe probe) {
        this.probe = probe;
    }

    /**
     * The machine before the first benchmark; with {@code strict}, exit 2 where it is noisy (or
     * cannot be read), before anything runs or is stored.
     *
     * @param threads the forks' benchmark threads; null for JMH's default of 1
     */
    Noise.Before before(boolean strict, Integer threads) {
        Noise.Before before;
        try {
            before = probe.before();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchrunException(ExitCode.INTERRUPTED, "interrupted");
        }
        if (strict) {
            if (before == null) {
                throw BenchrunException.input("--strict-env cannot tell how quiet the machine is: /proc cannot be"
                        + " read here; run without --strict-env to measure anyway");
            }
            var noisy = NoiseWarnings.noisy(
                    new Noise(before, null, null, null),
                    Runtime.getRuntime().availableProcessors(),
                    List.of(),
                    threads == null ? 1 : threads);
            if (!noisy.isEmpty()) {
                throw BenchrunException.input("the machine is noisy: "
                        + noisy.stream().map(NoiseWarnings.Finding::figure).collect(Collectors.joining(", "))
                        + "; run without --strict-env to measure anyway");
            }
        }
        return before;
    }

    /** Samples the machine while the benchmarks run; null where the preflight could read nothing. */
    NoiseProbe.Sampler during(Noise.Before before) {
        return before == null ? null : probe.during();
    }

    /**
     * The preflight begun, for a run that need not wait for it: its second reading is taken while
     * the first JMH child starts (JMH's own start, before any fork measures), and what benchrun and
     * its children use meanwhile is left out. With {@code strict} the whole preflight comes first,
     * as {@link #before} does, since a noisy machine must stop the run before anything starts.
     */
    Started start(boolean strict, Integer threads) {
        return strict ? new Started(null, before(true, threads)) : new Started(probe.begin(), null);
    }

    /**
     * The sampler over a run whose preflight was begun, from the preflight's first reading; null
     * where the preflight was taken whole and could read nothing (begun, its stop says so then).
     */
    NoiseProbe.Sampler during(Started started) {
        return started.pending() != null ? probe.during(started.pending()) : during(started.done());
    }

    /**
     * A preflight begun ({@code pending}) or already taken ({@code done}).
     *
     * @param pending the preflight under way; null when it was taken whole
     * @param done the preflight taken whole; null when pending or when nothing could be read
     */
    record Started(NoiseProbe.Pending pending, Noise.Before done) {

        /** The preflight's figures, waiting for its second reading where it is still under way. */
        Noise.Before before() {
            if (pending == null) {
                return done;
            }
            try {
                return pending.before();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchrunException(ExitCode.INTERRUPTED, "interrupted");
            }
        }
    }

    /** What a run records: the preflight, what the sampler saw, and its forks' GC and JIT. */
    static Noise noise(Noise.Before before, Noise.During during, JvmInfo jvm, List<String> jvmArgs) {
        if (before == null && during == null) {
            return null;
        }
        return new Noise(before, during, NoiseProbe.gc(jvm, jvmArgs), NoiseProbe.jit(jvmArgs));
    }
}
