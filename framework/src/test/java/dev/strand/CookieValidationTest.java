package dev.strand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A cookie RFC 6265 or browsers would not take is a programmer's error, refused when it is made. */
class CookieValidationTest {

    @Test
    void acceptsTokensCookieOctetsAndQuotedValues() {
        assertEquals("a.b-c_d", Cookie.of("a.b-c_d", "x").name());
        assertEquals("\"quoted\"", Cookie.of("q", "\"quoted\"").value());
        assertEquals("", Cookie.of("empty", "").value());
        assertEquals("/", Cookie.of("p", "v").path());
    }

    @Test
    void refusesNamesThatAreNotTokens() {
        for (var name : new String[] {"", "a b", "a=b", "a;b", "a,b", "é", "a\"b", "(x)"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Cookie.of(name, "v"), name);
            assertEquals(true, e.getMessage().contains("is not an RFC 9110 token"), e.getMessage());
        }
    }

    @Test
    void refusesValuesACookieCannotCarry() {
        for (var value : new String[] {"a b", "a;b", "a,b", "a\\b", "\u00e9", "a\"b", "\"", "tab\t", "new\nline"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Cookie.of("n", value), value);
            assertEquals(true, e.getMessage().contains("encode it"), e.getMessage());
        }
    }

    @Test
    void refusesAttributesThatWouldBreakTheHeader() {
        assertThrows(IllegalArgumentException.class, () -> Cookie.of("n", "v").withPath("/a;Secure"));
        assertThrows(IllegalArgumentException.class, () -> Cookie.of("n", "v").withDomain("example.com\r\nX: y"));
        assertThrows(IllegalArgumentException.class, () -> Cookie.of("n", "v").withMaxAge(Duration.ofSeconds(-1)));
    }

    @Test
    void sameSiteNoneNeedsSecure() {
        var e = assertThrows(IllegalArgumentException.class, () -> Cookie.of("n", "v").withSameSite(Cookie.SameSite.NONE));
        assertEquals("cookie 'n' has SameSite=None without Secure; browsers drop it. Add withSecure(true)", e.getMessage());
        assertEquals(Cookie.SameSite.NONE, Cookie.of("n", "v").withSecure(true).withSameSite(Cookie.SameSite.NONE).sameSite());
    }
}
