package dev.benchrun.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StyleTest {

    private static final String ESC = "\u001b[";

    @Test
    void withoutColourTheTextIsUntouched() {
        var plain = Style.PLAIN;
        for (String text : new String[] {"REGRESSION", "@|bold not markup|@", ""}) {
            assertThat(plain.good(text)).isEqualTo(text);
            assertThat(plain.bad(text)).isEqualTo(text);
            assertThat(plain.warn(text)).isEqualTo(text);
            assertThat(plain.bold(text)).isEqualTo(text);
            assertThat(plain.dim(text)).isEqualTo(text);
        }
    }

    /** SGR codes of ECMA-48: 32 green, 31 red, 33 yellow, 1 bold, 2 faint, 0 reset. */
    @Test
    void withColourEachStyleIsItsSgrCodeThenAReset() {
        var style = new Style(true);
        assertThat(style.good("ok")).isEqualTo(ESC + "32mok" + ESC + "0m");
        assertThat(style.bad("x")).isEqualTo(ESC + "31mx" + ESC + "0m");
        assertThat(style.warn("w")).isEqualTo(ESC + "33mw" + ESC + "0m");
        assertThat(style.bold("b")).isEqualTo(ESC + "1mb" + ESC + "0m");
        assertThat(style.dim("d")).isEqualTo(ESC + "2md" + ESC + "0m");
        assertThat(style.bad("@|bold x|@")).isEqualTo(ESC + "31m@|bold x|@" + ESC + "0m");
    }

    @Test
    void widthCountsOnlyWhatIsVisible() {
        var style = new Style(true);
        assertThat(Style.width(style.bold(style.bad("±5%")))).isEqualTo(3);
        assertThat(Style.width("plain")).isEqualTo(5);
    }
}
