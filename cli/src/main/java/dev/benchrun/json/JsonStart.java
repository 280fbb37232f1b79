package dev.benchrun.json;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Jackson's start on a thread of its own: a command that reads or writes a file calls {@link
 * #inBackground} as it starts, so that building {@link Json}'s mappers and loading Jackson (a tenth
 * of a second, all of it before a run's first fork could start) goes on beside picocli's building
 * of the command instead of after it. A class apart from {@link Json} because calling a method of
 * {@code Json} would build its mappers on the caller's thread.
 */
public final class JsonStart {

    private JsonStart() {}

    /** Builds the mappers and reads a small document with each, on a daemon thread. */
    public static void inBackground() {
        var thread = new Thread(JsonStart::prime, "benchrun-json-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static void prime() {
        try {
            Json.MAPPER.readTree("{\"a\": [1.5, \"b\"]}");
            Json.YAML.readTree("a: [1, b]");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a constant document: cannot happen
        }
    }
}
