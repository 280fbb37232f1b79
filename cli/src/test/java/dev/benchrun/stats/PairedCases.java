package dev.benchrun.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The published expectations in {@code stats/paired-cases.json}: the signed-rank test, the
 * Hodges–Lehmann interval and multiplicity adjustments, each with its source.
 */
final class PairedCases {

    private static final JsonNode ROOT = load();

    private PairedCases() {}

    static JsonNode at(String pointer) {
        JsonNode node = ROOT.at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalStateException("no " + pointer + " in the paired cases");
        }
        return node;
    }

    static Stream<JsonNode> cases(String pointer) {
        return StreamSupport.stream(at(pointer).spliterator(), false);
    }

    /** x − y, pair by pair. */
    static double[] differences(JsonNode c) {
        double[] x = PublishedCases.numbers(c.get("x"));
        double[] y = PublishedCases.numbers(c.get("y"));
        assertThat(x).hasSameSizeAs(y);
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] - y[i];
        }
        return d;
    }

    /**
     * Compares with a published number to the precision it was published with: rounded to
     * {@code digits} significant digits when the case says so, else to {@link Tolerance#RELATIVE}.
     */
    static void assertPublished(String what, double actual, double expected, JsonNode c, String digitsField) {
        if (!c.has(digitsField)) {
            Tolerance.assertRelative(what, actual, expected);
            return;
        }
        var context = new MathContext(c.get(digitsField).asInt());
        assertThat(new BigDecimal(actual).round(context).doubleValue())
                .as("%s: got %s, published %s to %s digits", what, actual, expected, context.getPrecision())
                .isEqualTo(new BigDecimal(expected).round(context).doubleValue());
    }

    private static JsonNode load() {
        try (InputStream in = PairedCases.class.getResourceAsStream("/stats/paired-cases.json")) {
            if (in == null) {
                throw new IllegalStateException("stats/paired-cases.json is not on the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
