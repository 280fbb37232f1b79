package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar on the fixture that annotates its own forks and iterations: run --jmh-annotations. */
class AnnotationsEndToEndIT {

    @TempDir
    Path dir;

    private Benchrun.Result run(String... more) {
        var args = new ArrayList<>(List.of(
                "run", "--jar", Benchrun.FIXTURES.toString(), "--filter", "AnnotatedBench", "--jmh-annotations"));
        args.addAll(List.of(more));
        return Benchrun.run(dir, args.toArray(String[]::new));
    }

    /** The plan's row of a benchmark: its forks and iterations cells. */
    private static String planned(Benchrun.Result plan, String id) {
        return plan.out()
                .lines()
                .filter(l -> l.startsWith(id + " "))
                .map(l -> l.split(" {2,}"))
                .map(cells -> cells[cells.length - 3] + " " + cells[cells.length - 2])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in the plan:\n" + plan.out()));
    }

    @Test
    void theDryRunShowsEachBenchmarksAnnotationsAndTheCommandLineStillWins() {
        var plan = run("--dry-run");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(planned(plan, "classAnnotated")).isEqualTo("1 1×100ms + 3×100ms");
        assertThat(planned(plan, "ownAnnotations")).isEqualTo("2 2×50ms + 2×150ms");

        var overridden = run("--dry-run", "-i", "4", "-f", "1");
        assertThat(overridden.exit()).as(overridden.err()).isZero();
        assertThat(planned(overridden, "ownAnnotations")).isEqualTo("1 2×50ms + 4×150ms");

        var profiles = Benchrun.run(
                dir, "run", "--jar", Benchrun.FIXTURES.toString(), "--filter", "AnnotatedBench", "--dry-run");
        assertThat(planned(profiles, "ownAnnotations"))
                .as("without the option the profile decides")
                .isEqualTo("2 3×500ms + 5×400ms");
    }

    @Test
    void aRunRecordsTheOptionAndMeasuresWhatTheAnnotationsAsk() throws Exception {
        var result = run("-q");
        assertThat(result.exit()).as(result.err()).isZero();
        String id = result.out()
                .lines()
                .filter(l -> l.startsWith("Stored run "))
                .map(l -> l.split(" ")[2])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no run stored:\n" + result.out() + result.err()));

        var run = Json.MAPPER.readTree(
                dir.resolve(".benchrun/runs/" + id + "/run.json").toFile());
        assertThat(run.get("settings").get("annotations").asBoolean()).isTrue();
        Map<String, List<Integer>> forks = new HashMap<>();
        for (var benchmark : run.get("benchmarks")) {
            var sizes = new ArrayList<Integer>();
            benchmark.get("primary").get("forks").forEach(f -> sizes.add(f.size()));
            forks.put(benchmark.get("id").asText(), sizes);
        }
        // classAnnotated: the class's @Fork(1) @Measurement(iterations = 3); ownAnnotations: its own 2 × 2.
        assertThat(forks)
                .containsOnly(Map.entry("classAnnotated", List.of(3)), Map.entry("ownAnnotations", List.of(2, 2)));
    }

    @Test
    void withAgainstItIsOneLineAndExitTwo() {
        var session = run("--against", Benchrun.FIXTURES.toString(), "--dry-run");
        assertThat(session.exit()).isEqualTo(2);
        assertThat(session.errLines())
                .containsExactly("benchrun: --jmh-annotations is for a run of one build: an A/B session runs both"
                        + " sides with the same iterations, one fork per pair; give -wi, -w, -i or -r to change them");
    }
}
