package dev.benchrun.cli;

import dev.benchrun.render.Printable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Free text the user types that benchrun stores and shows later ({@code --label}, {@code --param},
 * {@code --jvm-args}): a control character in it (a newline, an escape sequence) would split the
 * lines of tables and reports or reach a reader's terminal, so it is refused while parsing.
 */
final class PrintableText implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        if (Printable.hasHidden(value)) {
            throw new TypeConversionException(
                    "'" + Printable.visible(value) + "' holds a control character: give printable text on one line");
        }
        return value;
    }
}
