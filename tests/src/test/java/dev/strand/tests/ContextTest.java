package dev.strand.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContextTest {
    static final Context.Key<String> SEEN = Context.Key.of("seen", String.class);

    public static final class Stateful {
        @Get("/remember/{value}")
        public String remember(Context ctx) {
            var before = ctx.attribute(SEEN);
            ctx.attribute(SEEN, ctx.pathParam("value"));
            ctx.setResponseHeader("X-Before", String.valueOf(before));
            return ctx.attribute(SEEN);
        }

        @Get("/twice")
        public void twice(Context ctx) {
            ctx.setResponseBody("first").send();
            try {
                ctx.setResponseBody("second").send();
            } catch (IllegalStateException expected) {
                // the test asserts the client saw only the first body
            }
        }

        @Get("/chunks")
        public void chunks(Context ctx) {
            for (int i = 0; i < 3; i++) ctx.setResponseBody("part" + i + ";").sendBody();
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Stateful()));

    @Test
    void everyRequestGetsAFreshContextOnTheSameConnection(TestClient client) {
        var r = client.raw("GET /remember/a HTTP/1.1\r\nHost: x\r\n\r\nGET /remember/b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(2, r.lines().filter(l -> l.equals("X-Before: null")).count(), r);
    }

    @Test
    void aSecondSendFailsAndTheFirstStands(TestClient client) {
        assertEquals("first", client.get("/twice").body());
    }

    @Test
    void sendBodyStreamsChunks(TestClient client) {
        var r = client.get("/chunks");
        assertEquals("part0;part1;part2;", r.body());
        assertEquals(null, r.header("Content-Length"));
    }
}
