package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar: a variant run ({@code run --profile A,B}) of a fixture benchmark under the quick
 * profile and under a profile whose forks do three times the work ({@code -Dfixture.slowdown=200}), so that the winner is clear on a loaded machine too, forks
 * interleaved; the side-by-side table names the winner, and each variant is a run that compare
 * and report take.
 */
class VariantEndToEndIT {

    private static final String HASH_WORK = "hashWork[extra=-1,n=256]";

    @TempDir
    Path dir;

    private Benchrun.Result run(String... args) {
        var head = List.of("run", "--jar", Benchrun.FIXTURES.toString(), "--filter", "hashWork");
        return Benchrun.run(dir, Stream.concat(head.stream(), Stream.of(args)).toArray(String[]::new));
    }

    @Test
    void aDryRunPlansBothVariants() {
        var r = run("--profile", "quick,g1", "--dry-run");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Plan: 2 variants of the selection")
                .contains("Variant quick: 1 benchmark, profile quick")
                .contains("Variant g1: 1 benchmark, profile g1");
        assertThat(dir.resolve(".benchrun/runs")).doesNotExist();
    }

    @Test
    void aVariantRunPrintsTheWinnerAndStoresRunsThatCompareAndReportTake() throws Exception {
        Files.writeString(
                dir.resolve("slow.yaml"), "extends: quick\nname: slow\njvm:\n  args: [\"-Dfixture.slowdown=200\"]\n");

        var r = run("--profile", "quick,slow.yaml", "-f", "2", "-wi", "1", "-w", "100ms", "-i", "4", "-r", "100ms");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        var row = r.out()
                .lines()
                .dropWhile(l -> !l.equals("Side by side:"))
                .filter(l -> l.startsWith(HASH_WORK + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no side-by-side row:\n" + r.out() + r.err()));
        assertThat(row).as(r.out()).contains(" quick ").contains("slow +");

        var runs = Files.list(dir.resolve(".benchrun/runs"))
                .map(p -> p.getFileName().toString())
                .filter(n -> !n.startsWith("."))
                .sorted()
                .toList();
        assertThat(runs).hasSize(2);
        var slow = Json.MAPPER.readTree(dir.resolve(".benchrun/runs")
                .resolve(runs.get(1))
                .resolve("run.json")
                .toFile());
        assertThat(slow.at("/variants/name").asText()).isEqualTo("slow");
        assertThat(slow.at("/settings/jvmArgs/0").asText()).isEqualTo("-Dfixture.slowdown=200");
        assertThat(slow.at("/benchmarks/0/primary/forks").size()).isEqualTo(2);

        var compare = Benchrun.run(dir, "compare", runs.get(0), runs.get(1), "--fail-on", "never");
        assertThat(compare.exit()).as(compare.err()).isZero();
        assertThat(compare.out()).contains(HASH_WORK);

        var report = Benchrun.run(dir, "report", runs.get(0), "--format", "md", "-o", "report.md");
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(Files.readString(dir.resolve("report.md")))
                .contains("### Variant comparison")
                .contains("| Winner | Runner-up's extra cost |")
                .containsPattern("`" + java.util.regex.Pattern.quote(HASH_WORK)
                        + "` \\| \\*\\*[0-9.]+\\*\\* \\| [0-9.]+ \\| us/op \\| quick \\| slow \\+");
    }
}
