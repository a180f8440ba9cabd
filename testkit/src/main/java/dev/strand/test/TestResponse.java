package dev.strand.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * A response as a test sees it.
 *
 * @param status  the HTTP status
 * @param headers the response headers
 * @param bytes   the body
 */
public record TestResponse(int status, HttpHeaders headers, byte[] bytes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body as UTF-8 text. */
    public String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The body parsed as a JSON tree; fails naming the body when it is not JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError("expected a JSON body, got: " + body(), e);
        }
    }

    /** The body read as JSON into a type. */
    public <T> T json(Class<T> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException("expected JSON for " + type.getSimpleName() + ", got: " + body(), e);
        }
    }

    @Override
    public String toString() {
        return status + " " + body();
    }
}
