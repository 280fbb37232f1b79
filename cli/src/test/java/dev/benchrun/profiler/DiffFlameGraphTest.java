package dev.benchrun.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DiffFlameGraphTest {

    private static String fillOf(String html, String frame) {
        var m = Pattern.compile("<title>" + Pattern.quote(frame) + "&#10;[^<]*</title><rect [^>]*fill=\"([^\"]+)\"")
                .matcher(html);
        assertThat(m.find()).as("a frame drawn for " + frame).isTrue();
        return m.group(1);
    }

    @Test
    void grownFramesAreRedShrunkFramesBlueAndTheShapeIsTheCandidates() {
        var before = CollapsedStacks.parse(AttributionTest.BASELINE, ProfileEvent.CPU, "b.csv");
        var after = CollapsedStacks.parse(AttributionTest.CANDIDATE, ProfileEvent.CPU, "c.csv");

        String html = DiffFlameGraph.html("work: cpu against baseline 'main'", before, after);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("<script");
        // checksum grew by 25 points (the largest change): full red; parse shrank by 15: blue.
        assertThat(fillOf(html, "org.example.Bench.checksum")).isEqualTo("rgb(255,50,50)");
        assertThat(fillOf(html, "org.example.Bench.parse")).isEqualTo("rgb(122,122,255)");
        assertThat(fillOf(html, "all")).isEqualTo("rgb(230,230,230)");
        assertThat(html).contains("candidate 75.00%, baseline 50.00%: +25.00 points");
        // Harness frames are not drawn; the JIT thread is not part of the benchmark.
        assertThat(html).doesNotContain("jmhTest", "Thread.run", "C2Compiler");
        // checksum is 150 of 200 candidate samples: three quarters of the width.
        assertThat(html)
                .containsPattern(
                        "<title>org.example.Bench.checksum&#10;[^<]*</title><rect x=\"[0-9.]+\" y=\"[0-9]+\" width=\"900.0\"");
    }

    @Test
    void theTitleAndEveryFrameShowAsText() {
        var stacks = CollapsedStacks.parse("all;org.example.Bench.<init>'\"&x 10\n", ProfileEvent.CPU, "s.csv");
        String html = DiffFlameGraph.html("run 'a' <b> & \"c\"", stacks, stacks);
        assertThat(html)
                .contains("<h1>run &#39;a&#39; &lt;b&gt; &amp; &quot;c&quot;</h1>")
                .contains("<title>org.example.Bench.&lt;init&gt;&#39;&quot;&amp;x&#10;")
                .doesNotContain("<init>")
                .doesNotContain("<b>");
    }

    @Test
    void coloursScaleWithTheChange() {
        assertThat(DiffFlameGraph.colour(0.0005, 0.05)).isEqualTo("rgb(230,230,230)");
        assertThat(DiffFlameGraph.colour(0.025, 0.05)).isEqualTo("rgb(255,140,140)");
        assertThat(DiffFlameGraph.colour(-0.10, 0.05)).isEqualTo("rgb(50,50,255)");
    }
}
