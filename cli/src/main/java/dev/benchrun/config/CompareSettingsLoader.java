package dev.benchrun.config;

import static java.util.Objects.requireNonNullElse;

import dev.benchrun.BenchrunException;
import dev.benchrun.model.CompareSettings;
import dev.benchrun.model.RunSettings;
import dev.benchrun.model.Threshold;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The thresholds and statistics a comparison uses (docs/profiles.md): the command line's, else the
 * profile's, else {@link #DEFAULT_STATISTICS} and {@link #DEFAULT_THRESHOLD}, the one place that
 * holds compare's defaults.
 */
public final class CompareSettingsLoader {

    /** α, confidence, noise floor, resamples and seed where neither profile nor command line sets them. */
    public static final Profile.Statistics DEFAULT_STATISTICS =
            new Profile.Statistics(0.05, 0.95, new Percent(0.01), 10_000, 20130615L);
    /** The thresholds of the categories without their own, unless {@code default} is set. */
    private static final Threshold DEFAULT_THRESHOLD = new Threshold(0.05, 0.10);
    /** Fewer resamples leave the interval's bounds, single order statistics, too coarse to trust. */
    private static final int MIN_RESAMPLES = 1000;

    /**
     * What the command line sets; null, or no entry, where it sets nothing.
     *
     * @param noiseFloor a fraction: 0.01 is 1%
     * @param thresholds per category, {@code default} for the categories without their own
     */
    public record Overrides(Double alpha, Double noiseFloor, Map<String, Threshold> thresholds) {
        public static final Overrides NONE = new Overrides(null, null, Map.of());

        public Overrides {
            thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
        }
    }

    private final ProfileLoader profiles;

    public CompareSettingsLoader(Path workingDir) {
        this.profiles = new ProfileLoader(workingDir);
    }

    /**
     * @param profile   the profile the user named; null for the candidate's own
     * @param candidate the candidate run's settings, null when not known; a profile of it that cannot
     *                  be found here (a file on another machine, say) gives way to {@link ProfileLoader#DEFAULT}
     */
    public CompareSettings load(String profile, RunSettings candidate, Overrides overrides) {
        return settings(profile != null ? profiles.load(profile) : candidateProfile(candidate), overrides);
    }

    private Profile candidateProfile(RunSettings candidate) {
        try {
            return profiles.load(candidate == null ? ProfileLoader.DEFAULT : candidate.profile());
        } catch (BenchrunException e) {
            return profiles.load(ProfileLoader.DEFAULT);
        }
    }

    /** The settings of a profile already loaded (a run's own), with the command line's overrides. */
    public static CompareSettings settings(Profile profile, Overrides overrides) {
        check(profile, "profile '" + profile.name() + "'");
        var given = profile.statistics() != null
                ? profile.statistics()
                : new Profile.Statistics(null, null, null, null, null);
        double alpha = overrides.alpha() != null
                ? fraction(overrides.alpha(), "--alpha ")
                : requireNonNullElse(given.alpha(), DEFAULT_STATISTICS.alpha());
        double confidence = requireNonNullElse(given.confidence(), DEFAULT_STATISTICS.confidence());
        double noiseFloor = requireNonNullElse(
                overrides.noiseFloor(),
                requireNonNullElse(given.noiseFloor(), DEFAULT_STATISTICS.noiseFloor())
                        .fraction());
        int resamples = requireNonNullElse(given.resamples(), DEFAULT_STATISTICS.resamples());
        long seed = requireNonNullElse(given.seed(), DEFAULT_STATISTICS.seed());
        return new CompareSettings(
                profile.name(), alpha, confidence, noiseFloor, resamples, seed, thresholds(profile, overrides));
    }

    /**
     * Refuses statistics and thresholds no comparison could use, when the profile is loaded, so a run
     * finds them before it measures anything.
     *
     * @param source the profile and, where it is one, its file: "profile 'ci' (/work/ci.yaml)"
     */
    public static void check(Profile profile, String source) {
        String at = source + ": ";
        var given = profile.statistics();
        if (given != null) {
            checkFraction(given.alpha(), at + "statistics.alpha");
            checkFraction(given.confidence(), at + "statistics.confidence");
            if (given.resamples() != null && given.resamples() < MIN_RESAMPLES) {
                throw BenchrunException.input(
                        at + "statistics.resamples must be at least " + MIN_RESAMPLES + ", got " + given.resamples());
            }
        }
        profile.thresholds().forEach((category, t) -> {
            String key = at + "thresholds." + category;
            if (t == null || t.warning() == null || t.failure() == null) {
                throw BenchrunException.input(key + " needs both warning and failure");
            }
            // The rule of --threshold.
            if (t.failure().fraction() < t.warning().fraction()) {
                throw BenchrunException.input(key + ": the failure threshold (" + t.failure()
                        + ") is below the warning one (" + t.warning() + ")");
            }
        });
    }

    private static void checkFraction(Double value, String key) {
        if (value != null && !(value > 0 && value < 1)) {
            String shown = value == Math.rint(value) && !Double.isInfinite(value)
                    ? String.valueOf(value.longValue())
                    : String.valueOf(value);
            throw BenchrunException.input(key + " must be between 0 and 1, got " + shown);
        }
    }

    private static Map<String, Threshold> thresholds(Profile profile, Overrides overrides) {
        var thresholds = new HashMap<String, Threshold>();
        thresholds.put(CompareSettings.ANY_OTHER, DEFAULT_THRESHOLD);
        profile.thresholds()
                .forEach((category, t) -> thresholds.put(
                        category,
                        new Threshold(t.warning().fraction(), t.failure().fraction())));
        thresholds.putAll(overrides.thresholds());
        return Map.copyOf(thresholds);
    }

    private static double fraction(double value, String what) {
        if (!(value > 0 && value < 1)) {
            throw BenchrunException.input(what + value + " must be between 0 and 1");
        }
        return value;
    }
}
