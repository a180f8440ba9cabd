package dev.strand.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.fuzz.FuzzServer;
import dev.strand.fuzz.RawHttp;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The URI limits, through a real server with small ones (64 characters, 4 query parameters): a
 * request a handler gets never exceeds them, as the handler counts (path and query as sent,
 * parameters as parsed), and a refusal is the limit's own status: 414 for length, 400 for
 * parameters; nothing answers 5xx.
 */
class RequestLimitsFuzzTest {
    private static final int MAX_URI = 64;
    private static final int MAX_PARAMS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final FuzzServer app = new FuzzServer(() -> Strand.builder().controllers(new Routes())
            .configure(c -> c.maxUriLength(MAX_URI).maxQueryParams(MAX_PARAMS)));

    public static final class Routes {
        @Get("/{rest...}")
        public Map<String, Object> seen(Context ctx) {
            var query = ((StrandContext) ctx).request().getHttpURI().getQuery();
            return Map.of("path", ctx.path(), "query", query == null ? "" : query,
                    "params", ctx.queryParamMap().values().stream().mapToInt(List::size).sum());
        }
    }

    /** The input is the request target after {@code /}, less space, CR and LF. */
    @FuzzTest
    void handlersNeverSeeARequestOverTheLimits(byte[] input) throws IOException {
        var target = RawHttp.target("/", input);
        var response = app.http().get(target);
        int status = response.status();
        if (status == 200) {
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
}
