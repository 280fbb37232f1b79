package dev.benchrun.cli;

import dev.benchrun.model.Report;
import dev.benchrun.render.Format;
import dev.benchrun.render.RenderOptions;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --format} and {@code -o}: which renderer writes the result, and where its text goes. Each
 * command that renders has its own subclass, for the formats it accepts; picocli refuses any other
 * while it parses, before any work is done.
 */
public abstract class OutputOptions {

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write to this file instead of standard output ('-': standard output).")
    Path output;

    abstract Format format();

    /** Refuses, before any work, an {@code -o} path that cannot take the output (exit 2). */
    void check(Context context) {
        Destination.check(output, context);
    }

    /** Renders the report in the chosen format and writes it where -o says. */
    void write(Report report, RenderOptions options, Context context) {
        Destination.write(format().render(report, options), output, context);
    }

    /** Where the output goes: the -o file's directory, else the working directory. Links in it are relative to this. */
    Path directory(Context context) {
        return output == null
                ? context.workingDir()
                : context.workingDir().resolve(output).toAbsolutePath().getParent();
    }

    /** {@code compare}'s output: a comparison as a table, Markdown, JSON or JUnit XML. */
    static final class ForCompare extends OutputOptions {

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                converter = CompareFormats.class,
                completionCandidates = CompareFormats.class,
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format = Format.TABLE;

        @Override
        Format format() {
            return format;
        }
    }

    /** {@code report}'s output: a report as Markdown, HTML, JSON or JUnit XML. */
    static final class ForReport extends OutputOptions {

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                converter = ReportFormats.class,
                completionCandidates = ReportFormats.class,
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format = Format.MARKDOWN;

        @Override
        Format format() {
            return format;
        }
    }

    /** The formats a command accepts: the values its help lists and the only ones its --format converts. */
    abstract static class Formats implements ITypeConverter<Format>, Iterable<String> {

        private final List<Format> accepted;

        Formats(Format... accepted) {
            this.accepted = List.of(accepted);
        }

        @Override
        public Format convert(String name) {
            Format format = Format.named(name);
            if (format == null || !accepted.contains(format)) {
                throw new TypeConversionException("'" + name + "': use " + String.join(", ", this));
            }
            return format;
        }

        @Override
        public Iterator<String> iterator() {
            return accepted.stream().map(Format::toString).iterator();
        }
    }

    static final class CompareFormats extends Formats {
        CompareFormats() {
            super(Format.TABLE, Format.MARKDOWN, Format.JSON, Format.JUNIT);
        }
    }

    static final class ReportFormats extends Formats {
        ReportFormats() {
            super(Format.MARKDOWN, Format.HTML, Format.JSON, Format.JUNIT);
        }
    }
}
