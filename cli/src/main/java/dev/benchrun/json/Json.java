package dev.benchrun.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapper (and its YAML sibling), configured once for every file benchrun reads or
 * writes: the store's files, JMH's results, profiles and manifests, and the JSON outputs. It has a
 * package of its own so that all of them share it without depending on one another.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // Runs are mostly samples; the fast parser reads the same doubles in a fraction of the time.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    /** Profiles and manifests are written by hand: an unknown key is a typo, and an error. */
    public static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}

    /**
     * One line saying what is wrong with a YAML or JSON input: benchrun's own message where a
     * check failed, the unknown key for a typo, the first line of the parser's message otherwise.
     */
    public static String problem(JsonProcessingException e) {
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && !(cause instanceof dev.benchrun.BenchrunException)) {
            cause = cause.getCause();
        }
        if (cause instanceof dev.benchrun.BenchrunException
                || cause instanceof NullPointerException
                || cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return "unknown key '" + unknown.getPropertyName() + "' (known: " + unknown.getKnownPropertyIds() + ")";
        }
        String message = e.getOriginalMessage();
        String first = message == null
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
        var location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? first : first + " (line " + location.getLineNr() + ")";
    }

    /** Pretty JSON with a final newline, as every file benchrun writes. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
