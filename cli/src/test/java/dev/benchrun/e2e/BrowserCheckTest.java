package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the browser check puts its policy and collector in a page, without a browser. */
class BrowserCheckTest {

    @Test
    void thePolicyAndCollectorComeRightAfterTheCharsetBeforeThePagesOwnScripts() {
        String page =
                "<!DOCTYPE html>\n<html>\n<head>\n<meta charset='utf-8'>\n<script>own()</script>\n</head>\n</html>\n";

        String copy = BrowserCheck.instrumented(page);

        int charset = copy.indexOf("<meta charset='utf-8'>");
        int policy =
                copy.indexOf("<meta http-equiv=\"Content-Security-Policy\" content=\"" + BrowserCheck.POLICY + "\">");
        int collector = copy.indexOf("securitypolicyviolation");
        int own = copy.indexOf("<script>own()</script>");
        assertThat(charset).isNotNegative();
        assertThat(policy).isGreaterThan(charset);
        assertThat(collector).isGreaterThan(policy);
        assertThat(own).isGreaterThan(collector);
        assertThat(copy.replaceFirst("(?s)\n<meta http-equiv=.*?</script>\n", ""))
                .isEqualTo(page);
    }

    @Test
    void aPageWithoutCharsetGetsOneBeforeTheCollectorAndAHeadlessPageToo() {
        assertThat(BrowserCheck.instrumented("<html><head><title>t</title></head></html>"))
                .startsWith("<html><head>\n<meta http-equiv=\"Content-Security-Policy\"");
        assertThat(BrowserCheck.instrumented("<p>bare</p>"))
                .startsWith("<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\"")
                .endsWith("</script>\n<p>bare</p>");
    }

    @Test
    void everyKindOfFindingIsAProblemAndACleanPageHasNone() {
        var clean = new BrowserCheck.Findings(List.of(), List.of(), List.of(), 12);
        var dirty = new BrowserCheck.Findings(
                List.of("boom (x.html:1)"),
                List.of("http://example.invalid/a.png (img-src)"),
                List.of("U+F0041 in <p> (12px serif)"),
                3);

        assertThat(clean.problems()).isEmpty();
        assertThat(dirty.problems())
                .containsExactly(
                        "script error: boom (x.html:1)",
                        "external request: http://example.invalid/a.png (img-src)",
                        "missing glyph: U+F0041 in <p> (12px serif)");
    }
}
