package dev.benchrun.jmh;

import dev.benchrun.BenchrunException;
import dev.benchrun.config.Manifest;
import dev.benchrun.config.ManifestLoader;
import dev.benchrun.model.Budget;
import dev.benchrun.model.Category;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A benchmark jar with its manifest: every benchmark with its category and budget. */
public record Suite(Path jar, Manifest manifest, List<Member> members) {

    /** A benchmark of the suite, classified. */
    public record Member(BenchmarkInfo info, String category, Budget budget, Manifest.Entry entry) {
        public String id() {
            return info.id();
        }
    }

    public Suite {
        members = List.copyOf(members);
    }

    /** Loads the jar's benchmark list and classifies it with the manifest. */
    public static Suite load(Path jar, Path manifestFile, Path workingDir) {
        Path resolvedJar = jar != null ? jar : bundledJar();
        if (!java.nio.file.Files.isRegularFile(resolvedJar)) {
            throw BenchrunException.input("benchmark jar not found: " + resolvedJar);
        }
        var manifest = ManifestLoader.load(resolvedJar, manifestFile, workingDir);
        var members = BenchmarkCatalog.read(resolvedJar).stream()
                .map(info -> {
                    var entry = manifest.classify(info.id(), info.benchmark()).orElse(null);
                    String category =
                            entry != null && entry.category() != null ? entry.category() : Category.UNCATEGORISED;
                    return new Member(info, category, entry == null ? null : entry.budget(), entry);
                })
                .toList();
        return new Suite(resolvedJar, manifest, members);
    }

    /**
     * The members in any of the categories and matching any of the filters (regexes found in the
     * id or the full name). Empty lists select everything; selecting nothing is an input error.
     */
    public List<Member> select(List<String> categories, List<String> filters) {
        var known = new TreeSet<String>();
        members.forEach(m -> known.add(m.category()));
        for (String category : categories) {
            if (!known.contains(category)) {
                throw BenchrunException.input("no benchmark in category '" + category + "' in " + jar.getFileName()
                        + ": categories are " + known);
            }
        }
        var patterns = new ArrayList<Pattern>();
        for (String filter : filters) {
            try {
                patterns.add(Pattern.compile(filter));
            } catch (PatternSyntaxException e) {
                throw BenchrunException.input("--filter '" + filter + "' is not a valid regex: " + e.getDescription());
            }
        }
        var selected = members.stream()
                .filter(m -> categories.isEmpty() || categories.contains(m.category()))
                .filter(m -> patterns.isEmpty()
                        || patterns.stream()
                                .anyMatch(p -> p.matcher(m.id()).find()
                                        || p.matcher(m.info().benchmark()).find()))
                .toList();
        if (selected.isEmpty()) {
            throw BenchrunException.input("no benchmark matches " + describe(categories, filters) + " in "
                    + jar.getFileName() + ": see 'benchrun list'");
        }
        return selected;
    }

    private static String describe(List<String> categories, List<String> filters) {
        var parts = new ArrayList<String>();
        if (!categories.isEmpty()) {
            parts.add("--category " + String.join(",", categories));
        }
        if (!filters.isEmpty()) {
            parts.add("--filter " + String.join(",", filters));
        }
        return String.join(" and ", parts);
    }

    /**
     * The bundled suites' jar: {@code -Dbenchrun.suites.jar}, {@code $BENCHRUN_SUITES_JAR}, or
     * next to the tool as the build lays it out.
     */
    public static Path bundledJar() {
        String configured = System.getProperty("benchrun.suites.jar", System.getenv("BENCHRUN_SUITES_JAR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Path toolJar = Path.of(Suite.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path dir = toolJar.getParent();
            for (Path candidate : List.of(
                    dir.resolve("benchmarks.jar"),
                    dir.resolve("../../suites/target/benchmarks.jar").normalize())) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the error below
        }
        throw BenchrunException.input("the bundled suites jar was not found: build it with "
                + "'mvn -q package -DskipTests', or give --jar JAR");
    }
}
