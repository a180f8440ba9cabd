package dev.strand.demo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON text for what the demo parses and publishes itself, away from a request's Context (hub
 * messages written under a registry's lock, WebSocket messages read in a loop).
 */
final class DemoJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DemoJson() {
    }

    /** A value as JSON text; records become objects with their components in order. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Text parsed as a JSON object.
     *
     * @throws IllegalArgumentException saying {@code what} was expected, when it is not a JSON object
     */
    static JsonNode object(String text, String what) {
        try {
            var node = MAPPER.readTree(text);
            if (node != null && node.isObject()) return node;
        } catch (JacksonException e) {
            // answered below without Jackson's detail, which quotes the input back
        }
        throw new IllegalArgumentException(what);
    }
}
