package dev.strand.tests.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Strand;
import dev.strand.annotation.Body;
import dev.strand.annotation.Get;
import dev.strand.annotation.Post;
import dev.strand.config.Limits;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The strict preset, each limit answered with its status while the server keeps serving. */
class LimitsTest {

    public static final class Api {
        @Get("/ok")
        public String ok() {
            return "ok";
        }

        @Post("/body")
        public String body(@Body byte[] body) {
            return String.valueOf(body.length);
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder()
            .controllers(new Api())
            .configure(c -> c.limits(Limits.STRICT)));

    @Test
    void bodyOverTheLimitIs413(TestClient client) {
        assertEquals(String.valueOf(Limits.STRICT.maxBodySize()),
                client.request("POST", "/body", new byte[(int) Limits.STRICT.maxBodySize()]).body());
        assertEquals(413, client.request("POST", "/body", new byte[(int) Limits.STRICT.maxBodySize() + 1]).status());
        assertEquals("ok", client.get("/ok").body());
    }

    @Test
    void headersOverTheLimitAre431(TestClient client) {
        assertEquals(431, client.get("/ok", "X-Big", "h".repeat(Limits.STRICT.maxHeaderSize())).status());
        assertEquals("ok", client.get("/ok").body());
    }

    @Test
    void uriOverTheLimitIs414(TestClient client) {
        var r = client.get("/ok?q=" + "u".repeat(Limits.STRICT.maxUriLength()));
        assertEquals(414, r.status());
        assertTrue(r.body().contains("URI is longer than the limit of 2048 characters"), r.body());
        assertEquals("ok", client.get("/ok").body());
    }

    @Test
    void tooManyQueryParametersIs400(TestClient client) {
        var query = new StringBuilder("/ok?");
        for (int i = 0; i <= Limits.STRICT.maxQueryParams(); i++) query.append("p").append(i).append("=1&");
        var r = client.get(query.toString());
        assertEquals(400, r.status());
        assertEquals("Too many query parameters; the limit is 32", r.body().strip());
        assertEquals("ok", client.get("/ok?a=1&b=2").body());
    }
}
