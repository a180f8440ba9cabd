package dev.strand.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Context;
import dev.strand.Cookie;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Setting and removing cookies, as the Set-Cookie headers on the wire and as a cookie-keeping client sees them. */
class CookieTest {

    public static final class Cookies {
        @Get("/login")
        public void login(Context ctx) {
            ctx.setCookie(Cookie.of("session", "abc123").withMaxAge(Duration.ofHours(1)).withHttpOnly(true).withSecure(true)
                            .withSameSite(Cookie.SameSite.STRICT))
                    .setCookie(Cookie.of("theme", "dark").withPath("/app").withDomain("localhost"))
                    .setCookie("plain", "1");
        }

        @Get("/logout")
        public void logout(Context ctx) {
            ctx.removeCookie("plain").removeCookie("theme", "/app", "localhost");
        }

        @Get("/read")
        public String read(Context ctx) {
            return String.valueOf(ctx.cookie("plain"));
        }

        @Get("/late")
        public void late(Context ctx) {
            ctx.setResponseBody("x").sendBody();
            try {
                ctx.setCookie("late", "1");
            } catch (IllegalStateException e) {
                ctx.sendText(" refused");
            }
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Cookies()));

    @Test
    void setsEveryAttribute(TestClient client) {
        var cookies = client.get("/login").headers().allValues("Set-Cookie");
        assertEquals(3, cookies.size(), cookies.toString());
        var session = cookies.get(0);
        assertTrue(session.startsWith("session=abc123; Path=/; Expires="), session);
        assertTrue(session.endsWith("; Max-Age=3600; Secure; HttpOnly; SameSite=Strict"), session);
        assertEquals("theme=dark; Path=/app; Domain=localhost", cookies.get(1));
        assertEquals("plain=1; Path=/", cookies.get(2));
    }

    @Test
    void removingACookieExpiresItWithItsPathAndDomain(TestClient client) {
        assertEquals(List.of("plain=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
                        "theme=; Path=/app; Domain=localhost; Expires=Thu, 01 Jan 1970 00:00:00 GMT"),
                client.get("/logout").headers().allValues("Set-Cookie"));
    }

    @Test
    void aClientKeepsTheCookieUntilItIsRemoved(TestClient client) throws Exception {
        var jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        try (var http = HttpClient.newBuilder().cookieHandler(jar).build()) {
            assertEquals("null", get(http, client.uri("/read")));
            get(http, client.uri("/login"));
            assertEquals("1", get(http, client.uri("/read")));
            get(http, client.uri("/logout"));
            assertEquals("null", get(http, client.uri("/read")));
        }
    }

    @Test
    void aCookieAfterTheHeadersWentOutFailsLoudly(TestClient client) {
        var response = client.get("/late");
        assertEquals("x refused", response.body());
        assertTrue(response.headers().allValues("Set-Cookie").isEmpty());
    }

    private static String get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
