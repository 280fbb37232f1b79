package dev.benchrun.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void controlAndReorderingCharactersBecomeVisibleEscapes() {
        assertThat(Printable.visible("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
        assertThat(Printable.visible("\u001b[2J\u0007\u007f\u0085")).isEqualTo("\\x1b[2J\\x07\\x7f\\x85");
        assertThat(Printable.visible("admin\u202e\u2066x\u2028")).isEqualTo("admin\\u202e\\u2066x\\u2028");
    }

    @Test
    void printableTextIsUnchangedWhateverItsScript() {
        String text = "aes256gcm[provider=BC] µs/op ±3% 鍵 🔑";
        assertThat(Printable.visible(text)).isSameAs(text);
        assertThat(Printable.hasHidden(text)).isFalse();
        assertThat(Printable.hasHidden("x\u001b")).isTrue();
    }

    @Test
    void markdownAndHtmlShowAControlCharacterAsText() {
        assertThat(Markdown.escape("a\u001b[31mb")).isEqualTo("a\\\\x1b[31mb");
        assertThat(Markdown.code("a\nb")).isEqualTo("`a\\nb`");
        assertThat(Html.escape("<a\u001b>")).isEqualTo("&lt;a\\x1b&gt;");
    }

    @Test
    void terminalCellsKeepTheirColourAndShowEverythingElse() {
        var style = new Style(true);
        String cell = style.bad("REGRESSION") + " x\u001b]0;title\u0007";
        String table = new TextTable(java.util.List.of("v"), java.util.List.of(TextTable.Align.LEFT))
                .row(java.util.List.of(cell))
                .render(new Style(false));
        assertThat(table).contains(style.bad("REGRESSION")).contains("x\\x1b]0;title\\x07");
    }

    @Test
    void junitXmlHoldsNoCharacterXmlCannot() {
        String xml = JunitXml.render(
                "benchrun",
                java.util.List.of(new JunitXml.Suite(
                        "crypto\u001b",
                        java.util.List.of(new JunitXml.Case("c", "n\u0000", null, null, "out\u0008")))));
        assertThat(xml).doesNotContain("\u001b", "\u0000", "\u0008").contains("crypto\\x1b", "n\\x00");
    }
}
