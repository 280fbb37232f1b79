package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages benchrun writes, made with the real jar, in a real browser: the HTML report and the
 * flame graphs of a profile (async-profiler's forward and reverse pages, and benchrun's
 * differential page) load in headless Chromium without a script error, without a request that
 * leaves the machine and without a missing-glyph box ({@link BrowserCheck} says how each is seen).
 * Screenshots at desktop and phone size stay in {@code cli/target/browser-check/}. Skipped only
 * where Chromium is not installed ({@code .ci/run} installs it); planted faults show that the check
 * catches each kind of problem.
 */
class BrowserCheckEndToEndIT {

    private static final Path SCREENSHOTS =
            Path.of(System.getProperty("benchrun.browserCheck.dir", "target/browser-check"));
    private static final String[] SHORT = {"-f", "1", "-wi", "1", "-w", "100ms", "-i", "2", "-r", "200ms"};

    private static BrowserCheck browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void chromium() {
        var found = BrowserCheck.find(SCREENSHOTS);
        assumeTrue(
                found.isPresent(),
                "Chromium is not installed (apt-get install chromium); the browser check is skipped");
        browser = found.get();
    }

    private static String[] args(String... head) {
        return Stream.concat(Stream.of(head), Stream.of(SHORT)).toArray(String[]::new);
    }

    private static String storedRunId(Benchrun.Result result) {
        assertThat(result.exit()).as(result.err()).isZero();
        return result.out()
                .lines()
                .filter(l -> l.startsWith("Stored run "))
                .findFirst()
                .map(l -> l.split(" ")[2])
                .orElseThrow(() -> new AssertionError("no run stored: " + result.out()));
    }

    private Path runDir(String id) {
        return dir.resolve(".benchrun/runs").resolve(id);
    }

    /** The stored pages of a profile run by artefact kind. */
    private Map<String, Path> pages(String id) throws IOException {
        JsonNode run = Json.MAPPER.readTree(runDir(id).resolve("run.json").toFile());
        var pages = new LinkedHashMap<String, Path>();
        for (JsonNode artefact : run.at("/benchmarks/0/profiles")) {
            if (artefact.get("path").asText().endsWith(".html")) {
                pages.put(
                        artefact.get("kind").asText(),
                        runDir(id).resolve(artefact.get("path").asText()));
            }
        }
        return pages;
    }

    /** A PNG's width and height from its header. */
    private static int[] size(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).as(png.toString()).startsWith(0x89, 'P', 'N', 'G');
        var header = ByteBuffer.wrap(bytes, 16, 8);
        return new int[] {header.getInt(), header.getInt()};
    }

    private void assertClean(Path page, String name) throws Exception {
        var findings = browser.check(page, name);

        assertThat(findings.problems()).as("%s (%s)", name, page).isEmpty();
        assertThat(findings.characters()).as("characters checked on " + name).isPositive();
        assertThat(size(browser.screenshot(name, BrowserCheck.Viewport.DESKTOP)))
                .containsExactly(1280, 800);
        assertThat(size(browser.screenshot(name, BrowserCheck.Viewport.PHONE))).containsExactly(390, 844);
    }

    @Test
    void theReportAndTheFlameGraphPagesLoadWithoutErrorsRequestsOrMissingGlyphs() throws Exception {
        String fixtures = Benchrun.FIXTURES.toString();
        String[] run = args("run", "--jar", fixtures, "--filter", "sum$|hashWork");
        storedRunId(Benchrun.run(dir, run));
        assertThat(Benchrun.run(dir, "save-baseline", "main").exit()).isZero();
        storedRunId(Benchrun.run(dir, run));
        var report = Benchrun.run(
                dir, "report", "--baseline", "main", "--history", "5", "--format", "html", "-o", "out/report.html");
        assertThat(report.exit()).as(report.err()).isZero();

        String before = storedRunId(Benchrun.run(dir, args("profile", "SlowPathBench.work", "--jar", fixtures)));
        assertThat(Benchrun.run(dir, "save-baseline", "profiled", "--run", before)
                        .exit())
                .isZero();
        String after = storedRunId(Benchrun.run(
                dir,
                args(
                        "profile",
                        "SlowPathBench.work",
                        "--jar",
                        fixtures,
                        "--jvm-args",
                        "-Dfixture.slowdown=3",
                        "--against",
                        "profiled")));
        var pages = pages(after);
        assertThat(pages).containsOnlyKeys("flamegraph", "flamegraph-reverse", "diff-flamegraph");

        assertClean(dir.resolve("out/report.html"), "report");
        assertClean(pages.get("flamegraph"), "flamegraph");
        assertClean(pages.get("flamegraph-reverse"), "flamegraph-reverse");
        assertClean(pages.get("diff-flamegraph"), "diff-flamegraph");
        assertThat(Files.readString(pages.get("flamegraph")))
                .contains(
                        "<title>work: cpu profile of run " + after + ", ",
                        "<button id='search' title='Search'>Search<");
    }

    private Path page(String body) throws IOException {
        Path page = dir.resolve("planted.html");
        Files.writeString(
                page,
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>planted</title>\n"
                        + "</head>\n<body style=\"font: 12px Verdana, sans-serif\">\n<p>A clean line of text.</p>\n"
                        + body
                        + "\n</body>\n</html>\n");
        return page;
    }

    @Test
    void aPlantedScriptErrorIsCaught() throws Exception {
        var findings = browser.check(page("<script>throw new Error('planted fault');</script>"), "planted-error");

        assertThat(findings.errors()).singleElement().asString().contains("planted fault");
        assertThat(findings.requests()).isEmpty();
        assertThat(findings.glyphs()).isEmpty();
    }

    @Test
    void aPlantedExternalRequestIsCaught() throws Exception {
        var findings = browser.check(
                page("<img src=\"http://example.invalid/planted.png\" alt=\"\">\n"
                        + "<style>@import url(https://example.invalid/planted.css);</style>"),
                "planted-request");

        assertThat(findings.requests())
                .anyMatch(r -> r.startsWith("http://example.invalid/planted.png"))
                .anyMatch(r -> r.startsWith("https://example.invalid/planted.css"));
        assertThat(findings.problems()).isNotEmpty();
    }

    @Test
    void aPlantedMissingGlyphIsCaughtInEveryKindOfText() throws Exception {
        // U+F0041: a private-use code point of plane 15, which no installed font has.
        var findings = browser.check(
                page("<button id=\"b\">&#xF0041;</button>\n<pre id=\"m\">abc &#xF0041;</pre>\n"
                        + "<svg width=\"200\" height=\"20\"><text id=\"s\" y=\"15\">x &#xF0041;</text></svg>\n"
                        + "<p id=\"hidden\" style=\"display:none; font-family: serif\">&#xF0041;</p>"),
                "planted-glyph");

        assertThat(findings.errors()).isEmpty();
        assertThat(findings.glyphs())
                .hasSize(4)
                .allMatch(g -> g.startsWith("U+F0041 in "))
                .anyMatch(g -> g.contains("<button#b>"))
                .anyMatch(g -> g.contains("<pre#m>"))
                .anyMatch(g -> g.contains("<text#s>"))
                .anyMatch(g -> g.contains("<p#hidden>"));
        // The visible characters beside them have glyphs.
        assertThat(findings.glyphs()).noneMatch(g -> g.startsWith("U+0061") || g.startsWith("U+0078"));
    }

    /** Whether fontconfig knows no font with the code point (false where fc-list cannot tell). */
    private static boolean noFontHas(int codePoint) throws Exception {
        Process fcList;
        try {
            fcList = new ProcessBuilder("fc-list", ":charset=" + Integer.toHexString(codePoint))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return false;
        }
        fcList.getOutputStream().close();
        String out = new String(fcList.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return fcList.waitFor() == 0 && out.isBlank();
    }

    @Test
    void asyncProfilersOwnPageShowsItsEmojiButtonsAsBoxesWithoutAnEmojiFont() throws Exception {
        assumeTrue(noFontHas(0x1F53B) && noFontHas(0x1F50D) && noFontHas(0x274C), "an emoji font is installed");
        Path page = dir.resolve("async-profiler.html");
        try (var in = getClass().getResourceAsStream("/profiler/async-profiler-4.2-flamegraph.html")) {
            Files.write(page, in.readAllBytes());
        }

        var findings = browser.check(page, "planted-async-profiler-page");

        assertThat(findings.errors()).isEmpty();
        assertThat(findings.glyphs())
                .hasSize(3)
                .anyMatch(g -> g.startsWith("U+1F53B in <button#inverted>"))
                .anyMatch(g -> g.startsWith("U+1F50D in <button#search>"))
                .anyMatch(g -> g.startsWith("U+274C in <span#reset>"));
    }
}
