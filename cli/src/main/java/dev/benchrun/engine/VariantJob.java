package dev.benchrun.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code run --profile A,B} or {@code run --jvm A,B} was asked: the benchmarks and settings,
 * and the variants to run them under (every profile with every JVM).
 *
 * @param run the selection and settings; its profile and JVM are each variant's
 * @param profiles the profiles, in the order given; empty for the request's own
 * @param jvms the JVMs, in the order given; empty for the request's own
 * @param dryRun plan only: check everything, run and store nothing
 * @param strictEnv refuse to run (exit 2) when the noise preflight finds the machine noisy
 * @param commit the commit to record ({@code --commit}); null for the jar's or the checkout's
 * @param branch the branch to record ({@code --branch}); null for the jar's or the checkout's
 */
public record VariantJob(
        RunRequest run,
        List<String> profiles,
        List<Path> jvms,
        boolean dryRun,
        boolean strictEnv,
        String commit,
        String branch) {

    public VariantJob {
        Objects.requireNonNull(run, "run");
        profiles = List.copyOf(profiles);
        jvms = List.copyOf(jvms);
    }
}
