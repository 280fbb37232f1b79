package dev.benchrun.profiler;

import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.ProfileArtefact;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;

/**
 * Where JMH's async-profiler integration puts a result's files inside a run:
 * {@code profiles/<benchmark>-<Mode>-<param>-<value>.../} (JMH's {@code BenchmarkParams.id()}),
 * holding {@code flame-<event>-forward.html}, {@code flame-<event>-reverse.html} and
 * {@code collapsed-<event>.csv}; benchrun adds {@code diff-<event>.html}.
 */
public final class ProfileFiles {

    /** The run's subdirectory JMH is pointed at. */
    public static final String DIR = "profiles";

    public static final String FLAMEGRAPH = "flamegraph";
    public static final String FLAMEGRAPH_REVERSE = "flamegraph-reverse";
    public static final String COLLAPSED = "collapsed";
    public static final String DIFF_FLAMEGRAPH = "diff-flamegraph";

    private ProfileFiles() {}

    /** The result's directory relative to the run, as JMH 1.37 names it. */
    public static String directory(BenchmarkResult result) {
        var id = new StringBuilder(encode(result.benchmark())).append('-').append(Mode.deepValueOf(result.mode()));
        for (Map.Entry<String, String> param : result.params().entrySet()) {
            id.append('-').append(encode(param.getKey())).append('-').append(encode(param.getValue()));
        }
        // JMH drops '%' because async-profiler would expand %p and %t in file names.
        return DIR + "/" + id.toString().replace("%", "_");
    }

    /** The files the profiler wrote for a result, in a fixed order; missing files are left out. */
    public static List<ProfileArtefact> written(Path runDir, BenchmarkResult result, ProfileEvent event) {
        String dir = directory(result);
        var artefacts = new ArrayList<ProfileArtefact>();
        addIfPresent(artefacts, runDir, event, FLAMEGRAPH, dir + "/flame-" + event.id() + "-forward.html");
        addIfPresent(artefacts, runDir, event, FLAMEGRAPH_REVERSE, dir + "/flame-" + event.id() + "-reverse.html");
        addIfPresent(artefacts, runDir, event, COLLAPSED, dir + "/collapsed-" + event.id() + ".csv");
        return artefacts;
    }

    /** Where benchrun writes the differential flame graph for a result. */
    public static String diffFlameGraph(BenchmarkResult result, ProfileEvent event) {
        return directory(result) + "/diff-" + event.id() + ".html";
    }

    private static void addIfPresent(
            List<ProfileArtefact> artefacts, Path runDir, ProfileEvent event, String kind, String path) {
        if (Files.isRegularFile(runDir.resolve(path))) {
            artefacts.add(new ProfileArtefact(event.id(), kind, path));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
