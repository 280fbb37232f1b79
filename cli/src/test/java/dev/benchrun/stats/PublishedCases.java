package dev.benchrun.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.StreamSupport;

/**
 * The published expectations in {@code stats/cases-unit-tests.json}: numbers transcribed from the
 * unit tests of benchstat's benchmath and of go-moremath (both BSD-3-Clause), which in turn come
 * from R and from the tables of Mann &amp; Whitney (1947) and Klotz (1966).
 */
final class PublishedCases {

    private static final JsonNode ROOT = load();

    private PublishedCases() {}

    static JsonNode root() {
        return ROOT;
    }

    static JsonNode at(String pointer) {
        JsonNode node = ROOT.at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalStateException("no " + pointer + " in the published cases");
        }
        return node;
    }

    /** Numbers, with the JSON strings "Infinity" and "-Infinity" for the infinite bounds. */
    static double number(JsonNode node) {
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException("not a number: " + node);
            };
        }
        return node.asDouble();
    }

    static double[] numbers(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .mapToDouble(PublishedCases::number)
                .toArray();
    }

    static int[] ints(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .mapToInt(JsonNode::asInt)
                .toArray();
    }

    private static JsonNode load() {
        try (InputStream in = PublishedCases.class.getResourceAsStream("/stats/cases-unit-tests.json")) {
            if (in == null) {
                throw new IllegalStateException("stats/cases-unit-tests.json is not on the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
