package dev.strand.tests.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.strand.HttpException;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.annotation.Post;
import dev.strand.middleware.Cors;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CorsTest {
    static final String APP = "https://app.example.com";

    public static final class Api {
        @Get("/data")
        public String data() {
            return "data";
        }

        @Post("/data")
        public String post() {
            throw new HttpException(403, "read only");
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder()
            .controllers(new Api())
            .use((ctx, chain) -> {
                if (ctx.header("Authorization") == null) throw new HttpException(401, "no credentials");
                chain.proceed();
            })
            .use(Cors.builder().allowOrigins(APP).allowCredentials(true).exposeHeaders("X-Total")
                    .allowHeaders("Authorization", "X-Custom").maxAge(Duration.ofMinutes(5)).build()));

    @Test
    void preflightIsAnsweredBeforeAuth(TestClient client) {
        var r = client.request("OPTIONS", "/data", null, "Origin", APP, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "X-Custom");
        assertEquals(204, r.status());
        assertEquals(APP, r.header("Access-Control-Allow-Origin"));
        assertEquals("GET, HEAD, POST, PUT, PATCH, DELETE", r.header("Access-Control-Allow-Methods"));
        assertEquals("Authorization, X-Custom", r.header("Access-Control-Allow-Headers"));
        assertEquals("true", r.header("Access-Control-Allow-Credentials"));
        assertEquals("300", r.header("Access-Control-Max-Age"));
    }

    @Test
    void preflightFromAnotherOriginIs403(TestClient client) {
        var r = client.request("OPTIONS", "/data", null, "Origin", "https://evil.example", "Access-Control-Request-Method", "GET");
        assertEquals(403, r.status());
        assertNull(r.header("Access-Control-Allow-Origin"));
    }

    @Test
    void simpleRequestsGetTheOriginHeaders(TestClient client) {
        var r = client.get("/data", "Origin", APP, "Authorization", "Bearer x");
        assertEquals("data", r.body());
        assertEquals(APP, r.header("Access-Control-Allow-Origin"));
        // beside the Vary: Accept-Encoding that compression puts on every response it could compress
        assertTrue(r.headers().allValues("Vary").contains("Origin"), r.headers().allValues("Vary").toString());
        assertEquals("X-Total", r.header("Access-Control-Expose-Headers"));
    }

    @Test
    void errorResponsesKeepTheCorsHeaders(TestClient client) {
        var unauthorized = client.get("/data", "Origin", APP);
        assertEquals(401, unauthorized.status());
        assertEquals(APP, unauthorized.header("Access-Control-Allow-Origin"));
        var forbidden = client.post("/data", "", "Origin", APP, "Authorization", "Bearer x");
        assertEquals(403, forbidden.status());
        assertEquals(APP, forbidden.header("Access-Control-Allow-Origin"));
    }

    @Test
    void otherOriginsGetNoCorsHeaders(TestClient client) {
        var r = client.get("/data", "Origin", "https://evil.example", "Authorization", "Bearer x");
        assertEquals(200, r.status());
        assertNull(r.header("Access-Control-Allow-Origin"));
    }
}
