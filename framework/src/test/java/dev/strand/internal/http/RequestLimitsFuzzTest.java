package dev.strand.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.annotation.Post;
import dev.strand.fuzz.FuzzServer;
import dev.strand.fuzz.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The request limits, through a real server with small ones (64 characters of URI, 4 query
 * parameters, 64 bytes of body, 128 streamed): a request a handler gets never exceeds them, as
 * the handler counts (path and query as sent, parameters as parsed, body bytes as read, framed by
 * Content-Length or chunked), a body within them arrives whole, and a refusal is the limit's own
 * status: 414 for length, 400 for parameters, 413 for a body; nothing answers 5xx.
 */
class RequestLimitsFuzzTest {
    private static final int MAX_URI = 64;
    private static final int MAX_PARAMS = 4;
    private static final int MAX_BODY = 64;
    private static final int MAX_STREAM = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final FuzzServer app = new FuzzServer(() -> Strand.builder().controllers(new Routes())
            .configure(c -> c.maxUriLength(MAX_URI).maxQueryParams(MAX_PARAMS).maxRequestBodySize(MAX_BODY).maxStreamSize(MAX_STREAM)));

    public static final class Routes {
        @Get("/{rest...}")
        public Map<String, Object> seen(Context ctx) {
            var query = ((StrandContext) ctx).exchange().request().getHttpURI().getQuery();
            return Map.of("path", ctx.path(), "query", query == null ? "" : query,
                    "params", ctx.queryParamMap().values().stream().mapToInt(List::size).sum());
        }

        @Post("/whole")
        public byte[] whole(Context ctx) {
            return ctx.requestBody();
        }

        @Post("/streamed")
        public byte[] streamed(Context ctx) throws IOException {
            try (var in = ctx.requestBodyStream()) {
                return in.readAllBytes();
            }
        }
    }

    /** The input is the request target after {@code /}, less space, CR and LF. */
    @FuzzTest
    void handlersNeverSeeARequestOverTheLimits(byte[] input) throws IOException {
        var target = RawHttp.target("/", input);
        var response = app.http().get(target);
        int status = response.status();
        if (status == 200 && response.headers().getOrDefault("content-type", "").startsWith("text/javascript")) {
            assertTrue(new String(target, StandardCharsets.ISO_8859_1).startsWith("/strand.js"), "the client script for another path");
        } else if (status == 200) {
            JsonNode seen = JSON.readTree(response.body());
            var query = seen.get("query").asText();
            int length = seen.get("path").asText().length() + (query.isEmpty() ? 0 : query.length() + 1);
            assertTrue(length <= MAX_URI, () -> "a handler got " + length + " characters: " + seen);
            assertTrue(seen.get("params").asInt() <= MAX_PARAMS, () -> "a handler got " + seen);
        } else if (status == 414) {
            assertTrue(target.length > MAX_URI, "414 for " + target.length + " bytes");
        } else {
            assertEquals(4, status / 100, response::text);
        }
    }

    /**
     * The first byte picks the framing (bit 1: chunked, else Content-Length), the reader (bit 2:
     * {@code requestBodyStream()}, else {@code requestBody()}) and the chunk size (the rest of it,
     * 1 to 16); the other bytes are the body.
     */
    @FuzzTest
    void bodiesArriveWholeOrAnswer413(byte[] input) {
        if (input.length == 0) return;
        boolean chunked = (input[0] & 1) != 0, streamed = (input[0] & 2) != 0;
        int chunk = ((input[0] & 0xFF) >> 2) % 16 + 1;
        var body = Arrays.copyOfRange(input, 1, input.length);
        var request = new ByteArrayOutputStream();
        request.writeBytes(("POST " + (streamed ? "/streamed" : "/whole") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        if (chunked) {
            for (int at = 0; at < body.length; at += chunk) {
                int n = Math.min(chunk, body.length - at);
                request.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                request.write(body, at, n);
                request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            request.writeBytes(body);
        }
        var response = app.http().exchange(request.toByteArray());
        if (body.length <= (streamed ? MAX_STREAM : MAX_BODY)) {
            assertEquals(200, response.status(), response::text);
            assertArrayEquals(body, response.body());
        } else {
            assertEquals(413, response.status(), response::text);
        }
    }
}
