package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code --jvm-args} is split as a POSIX shell splits words. */
class ShellWordsTest {

    @Test
    void blanksSeparateAndQuotesKeepAWordTogether() {
        assertThat(ShellWords.split("-Dmsg=\"a b\" -Xmx1g")).containsExactly("-Dmsg=a b", "-Xmx1g");
        assertThat(ShellWords.split("  -a \t -b\n")).containsExactly("-a", "-b");
        assertThat(ShellWords.split("-Dx='a b'\"c d\"e")).containsExactly("-Dx=a bc de");
        assertThat(ShellWords.split("")).isEmpty();
        assertThat(ShellWords.split("'' x")).containsExactly("", "x");
    }

    @Test
    void singleQuotesAreLiteralAndBackslashesEscapeOutsideThem() {
        assertThat(ShellWords.split("'-Dp=a\\b \"c\"'")).containsExactly("-Dp=a\\b \"c\"");
        assertThat(ShellWords.split("-Dp=a\\ b -Dq=\\'x")).containsExactly("-Dp=a b", "-Dq='x");
        // In double quotes a backslash escapes only " \ $ and `; before anything else it stays.
        assertThat(ShellWords.split("\"a\\\"b\\\\c\\d\\$\"")).containsExactly("a\"b\\c\\d$");
    }

    @Test
    void anUnterminatedQuoteOrATrailingBackslashIsRefused() {
        assertThatThrownBy(() -> ShellWords.split("-Dx=\"a b")).hasMessage("unterminated double quote");
        assertThatThrownBy(() -> ShellWords.split("-Dx='a b")).hasMessage("unterminated single quote");
        assertThatThrownBy(() -> ShellWords.split("-Dx=a\\")).hasMessage("ends with a backslash");
    }
}
