package dev.benchrun.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FlameGraphPageTest {

    private static final Instant STARTED = Instant.parse("2026-12-03T08:29:03Z");
    private static final String RUN = "20261203T082903Z-f58d";

    /** A page async-profiler 4.2 wrote through JMH's -prof async for the fixtures' TinyBench.sum. */
    private static String asyncProfilerPage() throws IOException {
        try (InputStream in =
                FlameGraphPageTest.class.getResourceAsStream("/profiler/async-profiler-4.2-flamegraph.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static final Pattern REFERENCE = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");

    /**
     * The characters of a page, raw or written as character references, that a machine's default
     * fonts may lack: private-use code points (no font but an icon font has them), anything beyond
     * the Basic Multilingual Plane (emoji among them) and the symbol, dingbat and emoji blocks from
     * U+2600 on.
     */
    static List<String> beyondDefaultFonts(String html) {
        var found = new ArrayList<String>();
        var m = REFERENCE.matcher(html);
        while (m.find()) {
            String ref = m.group(1);
            int cp = ref.startsWith("x") || ref.startsWith("X")
                    ? Integer.parseInt(ref.substring(1), 16)
                    : Integer.parseInt(ref);
            if (beyondDefaultFonts(cp)) {
                found.add(m.group());
            }
        }
        html.codePoints()
                .filter(FlameGraphPageTest::beyondDefaultFonts)
                .forEach(cp -> found.add(String.format(Locale.ROOT, "U+%04X", cp)));
        return found;
    }

    private static boolean beyondDefaultFonts(int cp) {
        return cp >= 0x2600 && cp < 0xE000 && !(cp >= 0x3000 && cp < 0xD800)
                || cp >= 0xE000 && cp <= 0xF8FF
                || cp > 0xFFFF;
    }

    @Test
    void theTitleNamesBenchmarkEventRunAndDate() {
        assertThat(FlameGraphPage.title("sum[n=256]", ProfileEvent.CPU, RUN, STARTED, null))
                .isEqualTo("sum[n=256]: cpu profile of run 20261203T082903Z-f58d, 2026-12-03 08:29 UTC");
        assertThat(FlameGraphPage.title("sum", ProfileEvent.ALLOC, RUN, STARTED, "baseline 'main'"))
                .isEqualTo(
                        "sum: alloc profile of run 20261203T082903Z-f58d against baseline 'main', 2026-12-03 08:29 UTC");
    }

    @Test
    void asyncProfilersPageGetsTheTitleAndPlainTextControls() throws IOException {
        String original = asyncProfilerPage();
        // What the issue saw: no title, the heading only "CPU profile", pictogram buttons.
        assertThat(original).doesNotContain("<title>").contains("<h1>CPU profile</h1>", "&#x1f53b;", "&#x1f50d;");
        assertThat(beyondDefaultFonts(original)).containsExactly("&#x1f53b;", "&#x1f50d;", "&#x274c;");
        String title = FlameGraphPage.title("sum[extra=-1,n=256]", ProfileEvent.CPU, RUN, STARTED, null);

        String page = FlameGraphPage.retitled(original, title);

        String shown = "sum[extra=-1,n=256]: cpu profile of run 20261203T082903Z-f58d, 2026-12-03 08:29 UTC";
        assertThat(page).contains("<meta charset='utf-8'>\n<title>" + shown + "</title>\n", "<h1>" + shown + "</h1>");
        assertThat(page).doesNotContain("CPU profile");
        assertThat(page)
                .contains(
                        "<button id='inverted' title='Invert'>Invert</button>",
                        "<button id='search' title='Search'>Search</button>",
                        "<span id='reset' title='Clear'>Clear</span>");
        assertThat(beyondDefaultFonts(page)).isEmpty();
        assertThat(page).contains(FlameGraphPage.HEADER_ROOM + "\n</head>");
        // Nothing else changed: the script and its frames are as async-profiler wrote them.
        assertThat(page.substring(page.indexOf("<script>")))
                .isEqualTo(original.substring(original.indexOf("<script>")));
    }

    @Test
    void retitlingTwiceLeavesOneTitleAndEscapesIt() throws IOException {
        String title = "odd<'&\">: cpu profile of run " + RUN;

        String once = FlameGraphPage.retitled(asyncProfilerPage(), title);
        String twice = FlameGraphPage.retitled(once, title);

        assertThat(twice).isEqualTo(once);
        assertThat(once).contains("<title>odd&lt;&#39;&amp;&quot;&gt;: cpu profile of run " + RUN + "</title>");
        assertThat(Pattern.compile("<title>").matcher(once).results().count()).isEqualTo(1);
        assertThat(Pattern.compile("<h1>").matcher(once).results().count()).isEqualTo(1);
    }

    @Test
    void aPageWithoutHeadingOrTitleGetsBoth() {
        String page = FlameGraphPage.retitled(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>x</p></body></html>", "t");

        assertThat(page)
                .isEqualTo("<!DOCTYPE html><html><head><meta charset=\"utf-8\">\n<title>t</title>"
                        + FlameGraphPage.HEADER_ROOM + "\n</head>"
                        + "<body>\n<h1>t</h1><p>x</p></body></html>");
    }

    @Test
    void theDifferentialPageNamesBenchmarkEventRunDateAndBaselineInPlainCharacters() {
        var before = CollapsedStacks.parse(AttributionTest.BASELINE, ProfileEvent.CPU, "b.csv");
        var after = CollapsedStacks.parse(AttributionTest.CANDIDATE, ProfileEvent.CPU, "c.csv");
        String title = FlameGraphPage.title("work", ProfileEvent.CPU, RUN, STARTED, "baseline 'main'");

        String html = DiffFlameGraph.html(title, before, after);

        String shown =
                "work: cpu profile of run 20261203T082903Z-f58d against baseline &#39;main&#39;, 2026-12-03 08:29 UTC";
        assertThat(html).contains("<title>" + shown + "</title>", "<h1>" + shown + "</h1>");
        assertThat(beyondDefaultFonts(html)).isEmpty();
    }
}
