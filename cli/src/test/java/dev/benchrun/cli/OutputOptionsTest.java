package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.json.Json;
import dev.benchrun.store.Store;
import dev.benchrun.testing.Synthetic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format} and {@code -o} as compare and report parse them, in process. */
class OutputOptionsTest {

    @TempDir
    Path dir;

    /** What a command left: exit code and both streams. */
    record Result(int exit, String out, String err) {}

    private Result benchrun(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var context = new Context(new PrintWriter(out), new PrintWriter(err), false, Map.of(), dir);
        var all = new java.util.ArrayList<>(
                List.of("--store", dir.resolve("store").toString()));
        all.addAll(List.of(args));
        int exit = BenchrunCommand.execute(new Services(context), all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    private String storeRun() throws Exception {
        var store = new Store(dir.resolve("store"));
        var run = Synthetic.run(
                Store.newRunId(java.time.Instant.parse("2026-11-23T06:00:00Z")),
                List.of(Synthetic.result(
                        "encode",
                        "codec",
                        "avgt",
                        Synthetic.metric("us/op", Synthetic.samples(100, 0.01, 2, 5, 1)),
                        null)));
        store.publishRun(run, store.stagingDir(run.id()));
        return run.id();
    }

    @Test
    void aFormatACommandDoesNotRenderIsRefusedWhileParsingBeforeAnythingIsRead() {
        // Both sides and the run are unknown: had anything been read, the error would name them instead.
        var cases = Map.of(
                List.of("compare", "nonesuch", "--format", "html"), "use table, markdown, json, junit",
                List.of("compare", "nonesuch", "--format", "pdf"), "use table, markdown, json, junit",
                List.of("report", "nonesuch", "--format", "table"), "use markdown, html, json, junit",
                List.of("report", "nonesuch", "--format", "pdf"), "use markdown, html, json, junit");
        cases.forEach((args, values) -> {
            var result = benchrun(args.toArray(String[]::new));
            assertThat(result.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.out()).isEmpty();
            assertThat(result.err().lines().toList())
                    .as(String.join(" ", args))
                    .containsExactly(
                            "benchrun: Invalid value for option '--format': '" + args.get(3) + "': " + values,
                            "Try 'benchrun " + args.get(0) + " --help'.");
        });
    }

    @Test
    void formatNamesAreCaseInsensitiveAndMdIsMarkdown() throws Exception {
        String id = storeRun();
        var json = benchrun("report", "--format", "JSON");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(Json.MAPPER.readTree(json.out()).at("/execution/runId").asText())
                .isEqualTo(id);
        assertThat(benchrun("report", "--format", "md").out()).startsWith("## benchrun report: run " + id + "\n");
        var compared = benchrun("compare", id, id, "--format", "MarkDown");
        assertThat(compared.exit()).as(compared.err()).isZero();
        assertThat(compared.out()).startsWith("## benchrun compare\n");
    }

    @Test
    void theDefaultsAreATableForCompareAndMarkdownForReport() throws Exception {
        String id = storeRun();
        assertThat(benchrun("compare", id, id).out()).startsWith("Baseline:  " + id + ", commit ");
        assertThat(benchrun("report").out()).startsWith("## benchrun report: run " + id + "\n");
    }

    @Test
    void helpListsEachCommandsFormatsAndItsDefault() {
        assertThat(benchrun("help", "compare").out())
                .contains("--format=FORMAT")
                .contains("table, markdown, json, junit (default: table).");
        assertThat(benchrun("help", "report").out())
                .contains("--format=FORMAT")
                .contains("markdown, html, json, junit (default: markdown).");
    }

    @Test
    void outputGoesToTheFileGivenWithO() throws Exception {
        String id = storeRun();
        var result = benchrun("compare", id, id, "--format", "json", "-o", "out/compare.json");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(Json.MAPPER
                        .readTree(dir.resolve("out/compare.json").toFile())
                        .at("/candidate/runId")
                        .asText())
                .isEqualTo(id);
    }

    @Test
    void aPathThatCannotTakeTheOutputIsRefusedBeforeAnythingIsRead() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("plain"), "x");
        // The sides are unknown: had anything been read first, the error would name them instead.
        var cases = Map.of(
                "plain/compare.json", "plain is not a directory",
                ".", "is a directory");
        cases.forEach((path, message) -> {
            var result = benchrun("compare", "nonesuch", "-o", path);
            assertThat(result.exit()).as(path).isEqualTo(2);
            assertThat(result.err().lines().toList())
                    .as(path)
                    .singleElement()
                    .satisfies(l ->
                            assertThat(l).startsWith("benchrun: -o " + path).contains(message));
        });
    }

    @Test
    void aReadOnlyFileIsNotReplaced() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("kept.md"), "mine");
        org.junit.jupiter.api.Assumptions.assumeTrue(file.toFile().setWritable(false));
        org.junit.jupiter.api.Assumptions.assumeFalse(java.nio.file.Files.isWritable(file), "root writes anything");
        String id = storeRun();
        var result = benchrun("report", id, "-o", "kept.md");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("kept.md", "read-only");
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void aControlCharacterInANameStaysOnTheOneErrorLine() {
        var result = benchrun("compare", "evil\nname\u001b[2J");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().lines().toList())
                .singleElement()
                .satisfies(l -> assertThat(l).contains("evil\\nname\\x1b[2J").doesNotContain("\u001b"));
    }

    @Test
    void aLabelOrParamWithAControlCharacterIsRefusedWhileParsing() {
        for (var args : List.of(
                List.of("run", "--dry-run", "--label", "one\ntwo"),
                List.of("run", "--dry-run", "--param", "n=1\u001b[31m"),
                List.of("profile", "--label", "a\rb"))) {
            var result = benchrun(args.toArray(String[]::new));
            assertThat(result.exit()).as(args.toString()).isEqualTo(2);
            assertThat(result.err().lines().findFirst().orElseThrow())
                    .as(args.toString())
                    .contains("holds a control character")
                    .doesNotContain("\n", "\r", "\u001b");
        }
    }

    @Test
    void aWriteThatFailsAfterTheWorkIsAnExecutionFailure() throws Exception {
        Path full = Path.of("/dev/full"); // every write fails with "No space left on device"
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(full));
        String id = storeRun();
        var result = benchrun("report", id, "-o", full.toString());
        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err().lines().toList())
                .singleElement()
                .satisfies(l -> assertThat(l).startsWith("benchrun: could not write /dev/full"));
    }
}
