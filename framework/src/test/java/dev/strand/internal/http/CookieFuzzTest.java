package dev.strand.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.fuzz.FuzzInput;
import dev.strand.fuzz.FuzzServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cookie parsing as a handler sees it, through a real server. Cookies that RFC 6265 allows a
 * server to set (a token name, a value of cookie-octets) arrive with exactly their names and
 * values, the first of a repeated name winning, whatever the request before them on the
 * connection sent; any {@code Cookie} header at all answers 200 with named cookies only, never a
 * 5xx.
 */
class CookieFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TCHAR = "!#$%&'*+-.^_`|~";

    @RegisterExtension
    static final FuzzServer app = new FuzzServer(() -> Strand.builder().controllers(new Routes()));

    public static final class Routes {
        @Get("/c")
        public Map<String, String> cookies(Context ctx) {
            return ctx.cookies();
        }
    }

    /**
     * The input is name, value, name, value... fields, cut down to what RFC 6265 allows. They are
     * sent twice on one kept-alive connection, as a proxy's pooled connection carries requests of
     * different clients: first with every letter in the other case, then as they are.
     */
    @FuzzTest
    void wellFormedCookiesArriveAsSent(byte[] input) throws IOException {
        var fields = FuzzInput.fields(input);
        var header = new StringBuilder();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            var name = keep(fields.get(i), CookieFuzzTest::tchar);
            if (name.isEmpty()) continue;
            header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(keep(fields.get(i + 1), CookieFuzzTest::cookieOctet));
        }
        if (header.isEmpty() || header.length() > 4000) return;
        assertArrivesAsSent(swapCase(header.toString()));
        assertArrivesAsSent(header.toString());
    }

    /** Sends a well-formed header, which splits on {@code "; "} and the first {@code =} of each pair. */
    private static void assertArrivesAsSent(String header) throws IOException {
        var expected = new LinkedHashMap<String, String>();
        for (var pair : header.split("; ")) {
            int eq = pair.indexOf('=');
            expected.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
        }
        var response = app.http().get("/c".getBytes(StandardCharsets.US_ASCII), ("Cookie: " + header).getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, response.status(), response::text);
        assertEquals(expected, JSON.readValue(response.body(), new TypeReference<Map<String, String>>() { }), header);
    }

    /** The text with its letters in the other case, names included (cookie names are case-sensitive). */
    private static String swapCase(String s) {
        var sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        return sb.toString();
    }

    /** Any bytes as the header's value, less CR and LF, which would end it. */
    @FuzzTest
    void anyCookieHeaderAnswersWithoutServerError(byte[] input) throws IOException {
        var line = new byte[input.length + 8];
        System.arraycopy("Cookie: ".getBytes(StandardCharsets.US_ASCII), 0, line, 0, 8);
        for (int i = 0; i < input.length; i++) line[i + 8] = input[i] == '\r' || input[i] == '\n' ? (byte) ' ' : input[i];
        var response = app.http().get("/c".getBytes(StandardCharsets.US_ASCII), line);
        if (response.status() == 200) {
            var cookies = JSON.readValue(response.body(), new TypeReference<Map<String, String>>() { });
            cookies.keySet().forEach(name -> assertFalse(name.isEmpty(), "a cookie without a name"));
        } else {
            assertEquals(4, response.status() / 100, response::text);
        }
    }

    private static boolean tchar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || TCHAR.indexOf(c) >= 0;
    }

    private static boolean cookieOctet(int c) {
        return c == 0x21 || c >= 0x23 && c <= 0x2B || c >= 0x2D && c <= 0x3A || c >= 0x3C && c <= 0x5B || c >= 0x5D && c <= 0x7E;
    }

    private static String keep(String s, IntPredicate allowed) {
        var sb = new StringBuilder();
        s.chars().filter(allowed).forEach(c -> sb.append((char) c));
        return sb.toString();
    }
}
