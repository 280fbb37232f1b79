package dev.benchrun.jmh;

import dev.benchrun.BenchrunException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Optional;

/**
 * The benchmarks inside a JMH uber-jar, read from its {@code META-INF/BenchmarkList} with JMH's
 * own parser: no JVM is started to list them.
 */
public final class BenchmarkCatalog {

    private static final String LIST_ENTRY = "META-INF/BenchmarkList";
    private static final String JMH_MAIN = "org/openjdk/jmh/Main.class";

    private BenchmarkCatalog() {}

    public static List<BenchmarkInfo> read(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw BenchrunException.input("benchmark jar not found: " + jar);
        }
        List<BenchmarkListEntry> entries;
        try (var zip = new ZipFile(jar.toFile())) {
            var entry = zip.getEntry(LIST_ENTRY);
            if (entry == null) {
                throw BenchrunException.input(jar + " has no " + LIST_ENTRY
                        + ": not a JMH benchmark jar (was the annotation processor run?)");
            }
            try (var in = zip.getInputStream(entry)) {
                entries = BenchmarkList.readBenchmarkList(in);
            }
            // The forks run the jar on its own classpath: a jar of benchmarks alone (a thin jar, as
            // Maven Central's jmh-samples) would be listed and planned, then fail in every fork.
            if (zip.getEntry(JMH_MAIN) == null) {
                throw BenchrunException.input(jar + " has benchmarks but no JMH runtime inside (no " + JMH_MAIN
                        + "): build it as an uber-jar (jmh archetype / shade plugin)");
            }
        } catch (IOException e) {
            throw BenchrunException.input("cannot read " + jar + " as a jar: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof BenchrunException b) {
                throw b;
            }
            throw BenchrunException.input(jar + ": unreadable " + LIST_ENTRY + " (" + e.getMessage() + ")", e);
        }
        return toInfos(entries);
    }

    private static List<BenchmarkInfo> toInfos(Collection<BenchmarkListEntry> entries) {
        var sorted = entries.stream()
                .sorted(Comparator.comparing(BenchmarkListEntry::getUsername)
                        .thenComparing(e -> e.getMode().shortLabel()))
                .toList();
        var ids = Ids.assign(
                sorted.stream().map(BenchmarkListEntry::getUsername).distinct().toList());
        return sorted.stream()
                .map(e -> new BenchmarkInfo(
                        ids.get(e.getUsername()),
                        e.getUsername(),
                        e.getMode().shortLabel(),
                        params(e.getParams()),
                        annotations(e)))
                .toList();
    }

    /** The entry's @Fork, @Warmup and @Measurement values, as JMH's annotation processor resolved them. */
    private static BenchmarkInfo.Annotations annotations(BenchmarkListEntry e) {
        return new BenchmarkInfo.Annotations(
                e.getForks().orElse(null),
                e.getWarmupIterations().orElse(null),
                spelling(e.getWarmupTime()),
                e.getMeasurementIterations().orElse(null),
                spelling(e.getMeasurementTime()));
    }

    /** "200ms": a time value as JMH's command line reads it back; null when the annotation has none. */
    private static String spelling(Optional<TimeValue> time) {
        return time.hasValue()
                ? time.get().getTime() + TimeValue.tuToString(time.get().getTimeUnit())
                : null;
    }

    private static Map<String, List<String>> params(Optional<Map<String, String[]>> params) {
        if (!params.hasValue()) {
            return Map.of();
        }
        return params.get().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> Arrays.asList(e.getValue()), (a, b) -> a, LinkedHashMap::new));
    }

    /** Short ids: the method name, or Class.method where two classes share a method name. */
    public static final class Ids {
        private Ids() {}

        public static Map<String, String> assign(List<String> fullNames) {
            Map<String, Long> methodCounts =
                    fullNames.stream().collect(Collectors.groupingBy(Ids::method, Collectors.counting()));
            return fullNames.stream()
                    .distinct()
                    .collect(Collectors.toMap(
                            Function.identity(),
                            name -> methodCounts.get(method(name)) > 1 ? classAndMethod(name) : method(name),
                            (a, b) -> a,
                            LinkedHashMap::new));
        }

        private static String method(String fullName) {
            return fullName.substring(fullName.lastIndexOf('.') + 1);
        }

        private static String classAndMethod(String fullName) {
            int last = fullName.lastIndexOf('.');
            int previous = fullName.lastIndexOf('.', last - 1);
            return fullName.substring(previous + 1);
        }
    }
}
