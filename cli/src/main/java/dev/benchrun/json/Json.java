package dev.benchrun.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.benchrun.BenchrunException;

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
            // What benchrun wrote has the right types; "1" or 1.5 where an integer belongs is a damaged file.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Profiles and manifests are written by hand: an unknown key is a typo, and an error. */
    public static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private Json() {}

    /**
     * One line saying what is wrong with a YAML or JSON input, in the file's terms: where (the key
     * path, e.g. {@code benchmarks[0].primary.forks[1][0]}) and what was expected there; benchrun's
     * own message where a check failed; never a Java or Jackson class name.
     */
    public static String problem(JsonProcessingException e) {
        String where = e instanceof JsonMappingException mapping ? path(mapping) : "";
        boolean yaml = e.getProcessor() instanceof JsonParser parser
                && (parser instanceof YAMLParser || parser.getCodec() instanceof YAMLMapper);
        String prefix = where.isEmpty() ? "" : where + ": ";
        if (e instanceof UnrecognizedPropertyException unknown) {
            String parent = where.contains(".") ? where.substring(0, where.lastIndexOf('.')) : "";
            return "unknown key '" + unknown.getPropertyName() + "'" + (parent.isEmpty() ? "" : " in '" + parent + "'")
                    + " (known: " + unknown.getKnownPropertyIds() + ")";
        }
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && !(cause instanceof BenchrunException)) {
            cause = cause.getCause();
        }
        if (cause instanceof BenchrunException || cause instanceof IllegalArgumentException) {
            return prefix + cause.getMessage();
        }
        if (cause instanceof NullPointerException npe) {
            return prefix + missing(npe);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return prefix + "expected " + expected(mismatch.getTargetType(), yaml) + found(e, yaml);
        }
        if (cause instanceof InputCoercionException) {
            return prefix + "number out of range" + found(e, false);
        }
        String message = e.getOriginalMessage();
        String first = message == null
                ? "not readable"
                : message.lines()
                        .findFirst()
                        .orElse(message)
                        // Where the parser was is the line number below, not its own source description.
                        .replaceAll(" ?\\(start marker at \\[Source:[^\\]]*\\]\\)?", "")
                        .replaceAll(" ?\\[Source:[^\\]]*\\]?", "");
        var location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? first : first + " (line " + location.getLineNr() + ")";
    }

    /**
     * Records name a missing field with {@code requireNonNull(value, "field")}, or say what is
     * needed; any other null (an element of a list, say) is only "missing".
     */
    private static String missing(NullPointerException npe) {
        String message = npe.getMessage();
        var trace = npe.getStackTrace();
        boolean named = message != null
                && trace.length > 0
                && trace[0].getClassName().equals(java.util.Objects.class.getName());
        if (!named) {
            return "a required value is missing or null";
        }
        return message.matches("\\w+") ? "missing '" + message + "'" : message;
    }

    /** {@code benchmarks[0].primary.forks[1][0]}: the keys and indexes from the root to the value at fault. */
    private static String path(JsonMappingException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a value of the target type looks like in the file. */
    private static String expected(Class<?> type, boolean yaml) {
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.Instant.class) {
            return "a time such as 2026-11-23T06:15:00Z";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return yaml ? "a list" : "an array";
        }
        return yaml ? "a mapping of keys to values" : "an object";
    }

    /** ", got …": the value found instead, where the parser still knows it. */
    private static String found(JsonProcessingException e, boolean yaml) {
        if (!(e.getProcessor() instanceof JsonParser parser) || parser.currentToken() == null) {
            return "";
        }
        try {
            return switch (parser.currentToken()) {
                case VALUE_STRING -> ", got \"" + abbreviate(parser.getText()) + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ", got " + abbreviate(parser.getText());
                case VALUE_TRUE, VALUE_FALSE -> ", got " + parser.getText();
                case VALUE_NULL -> ", got null";
                case START_ARRAY -> yaml ? ", got a list" : ", got an array";
                case START_OBJECT, FIELD_NAME -> yaml ? ", got a mapping" : ", got an object";
                default -> "";
            };
        } catch (java.io.IOException notReadable) {
            return "";
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
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
