package dev.strand.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strand.Context;
import dev.strand.Middleware;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import dev.strand.sse.SseEvent;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Context#kind()} tells a handler (and middleware) what kind of exchange it serves. */
class ContextKindTest {

    public static final class Kinds {
        @Get("/http")
        public String http(Context ctx) {
            return ctx.kind().name();
        }

        @Sse("/sse")
        public void sse(Context ctx) {
            ctx.sendEvent(SseEvent.data(ctx.kind().name()));
        }

        @Ws("/ws")
        public void ws(Context ctx) {
            ctx.sendText(ctx.kind().name());
            ctx.receive();
        }
    }

    /** Runs before the stream or the upgrade: still plain HTTP then. */
    static final class Before implements Middleware {
        @Override
        public void handle(Context ctx, Chain chain) throws Exception {
            ctx.setResponseHeader("X-Kind-Before", ctx.kind().name());
            chain.proceed();
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Kinds()).use(new Before()));

    @Test
    void eachExchangeSaysItsKind(TestClient client) {
        var http = client.get("/http");
        assertEquals("HTTP", http.body());
        assertEquals("HTTP", http.header("X-Kind-Before"));
        try (var sse = client.sse("/sse")) {
            assertEquals("HTTP", sse.header("X-Kind-Before"));
            assertEquals("SSE", sse.next().data());
        }
        try (var ws = client.ws("/ws")) {
            assertEquals("WEBSOCKET", ws.receiveText());
        }
    }
}
