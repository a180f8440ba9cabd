package dev.strand.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.fuzz.FuzzInput;
import dev.strand.fuzz.FuzzServer;
import dev.strand.fuzz.RawHttp;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Query parsing as a handler sees it, through a real server: parameters encoded the way a form
 * or {@code URLSearchParams} encodes them arrive with exactly the names and values sent, in order,
 * repeated names keeping every value; any raw query at all answers 200 or a 4xx, never a 5xx.
 */
class QueryFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final FuzzServer app = new FuzzServer(() -> Strand.builder().controllers(new Routes()));

    public static final class Routes {
        @Get("/q")
        public Map<String, List<String>> query(Context ctx) {
            return ctx.queryParamMap();
        }
    }

    /** The input is name, value, name, value... fields; at most 256 pairs, the default limit. */
    @FuzzTest
    void encodedParametersArriveAsSent(byte[] input) throws IOException {
        var fields = FuzzInput.fields(input);
        var expected = new LinkedHashMap<String, List<String>>();
        var query = new StringBuilder();
        for (int i = 0; i + 1 < fields.size() && i < 512; i += 2) {
            var name = fields.get(i);
            if (name.isEmpty()) continue;
            if (!query.isEmpty()) query.append('&');
            query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
            expected.computeIfAbsent(name, n -> new ArrayList<>()).add(fields.get(i + 1));
        }
        var response = app.http().get(("/q?" + query).getBytes(StandardCharsets.US_ASCII));
        if (query.length() + 3 > 4096) {
            assertTrue(response.status() == 414 || response.status() == 431, response.status() + " " + response.text());
            return;
        }
        assertEquals(200, response.status(), response::text);
        assertEquals(expected, JSON.readValue(response.body(), new TypeReference<Map<String, List<String>>>() { }));
    }

    /** Whatever follows the {@code ?} (no space, CR or LF, which end the request line). */
    @FuzzTest
    void anyQueryAnswersWithoutServerError(byte[] input) {
        var response = app.http().get(RawHttp.target("/q?", input));
        assertTrue(response.status() == 200 || response.status() / 100 == 4, () -> response.status() + " " + response.text());
    }
}
