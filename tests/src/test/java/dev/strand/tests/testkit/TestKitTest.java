package dev.strand.tests.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import dev.strand.sse.SseEvent;
import dev.strand.test.StrandTest;
import dev.strand.websocket.WsClose;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The test kit itself, against a real Strand app: each client, each timeout, each refusal. */
class TestKitTest {
    static final CountDownLatch hold = new CountDownLatch(1);
    static final CountDownLatch trickleHold = new CountDownLatch(1);

    public static final class App {
        @Get("/slow")
        public String slow() throws InterruptedException {
            hold.await(10, TimeUnit.SECONDS);
            return "late";
        }

        /** Sends the headers and a first chunk at once, then the rest only much later. */
        @Get("/trickle")
        public void trickle(Context ctx) throws InterruptedException {
            ctx.sendText("first");
            trickleHold.await(10, TimeUnit.SECONDS);
        }

        @Get("/headers")
        public void headers(Context ctx) {
            ctx.setResponseHeader("X-Echo", ctx.header("X-In")).setResponseBody(java.util.Map.of("ok", true)).send();
        }

        @Ws("/silent")
        public void silent(Context ctx) {
            ctx.receive();
        }

        @Ws("/closer")
        public void closer(Context ctx) {
            ctx.close(4002, "done here");
        }

        @Ws("/guarded")
        public void guarded(Context ctx) {
            if (ctx.header("X-Key") == null) throw new IllegalStateException("unreachable: middleware refuses first");
        }

        @Sse(value = "/beats", heartbeatMs = 50)
        public void beats(Context ctx) throws InterruptedException {
            ctx.sendEvent(SseEvent.data("hello").event("greeting").id(1).retry(10));
            while (!ctx.closed()) Thread.sleep(20);
        }
    }

    private static Strand.Builder app() {
        return Strand.builder().controllers(new App()).use((ctx, chain) -> {
            if ("/guarded".equals(ctx.path()) && ctx.header("X-Key") == null) {
                ctx.setResponseHeader("WWW-Authenticate", "Key");
                throw new HttpException(401, "key please");
            }
            chain.proceed();
        });
    }

    @Test
    void httpHelpersAndJson() throws Exception {
        StrandTest.run(app(), (server, client) -> {
            var r = client.get("/headers", "X-In", "abc");
            assertEquals(200, r.status());
            assertEquals("abc", r.header("X-Echo"));
            assertEquals(true, r.json().get("ok").asBoolean());
            assertEquals(404, client.postJson("/nowhere", java.util.Map.of("a", 1)).status());
        });
    }

    @Test
    void aSlowResponseFailsWithTheTimeoutInTheMessage() throws Exception {
        StrandTest.run(app(), (server, client) -> {
            client.timeout(Duration.ofMillis(300));
            var e = assertThrows(AssertionError.class, () -> client.get("/slow"));
            assertEquals("GET /slow: no response within 300 ms", e.getMessage());
            hold.countDown();
        });
    }

    @Test
    void theTimeoutCoversTheWholeResponseNotOnlyItsHeaders() throws Exception {
        StrandTest.run(app(), (server, client) -> {
            client.timeout(Duration.ofMillis(300));
            var e = assertThrows(AssertionError.class, () -> client.get("/trickle"));
            assertEquals("GET /trickle: no response within 300 ms", e.getMessage());
            trickleHold.countDown();
        });
    }

    @Test
    void openClientsWaitAsLongAsTheTimeoutSetNowAndNoLonger() throws Exception {
        StrandTest.run(app(), (server, client) -> {
            try (var ws = client.ws("/silent"); var sse = client.sse("/beats")) {
                sse.next();
                client.timeout(Duration.ofMillis(1500));        // set after both opened, with 10 s
                long started = System.nanoTime();
                var e = assertThrows(AssertionError.class, ws::receive);
                long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
                assertEquals("expected a message from /silent within 1.5 s, but none arrived", e.getMessage());
                // Bounds far apart enough for a loaded machine: it waited the new timeout, not the old 10 s.
                assertTrue(waited >= 1500 && waited < 9000, waited + " ms");
                e = assertThrows(AssertionError.class, sse::next);
                assertEquals("expected an event from SSE GET /beats within 1.5 s, but none arrived", e.getMessage());
            }
        });
    }

    @Test
    void runStopsTheServerEvenWhenTheTestFails() {
        var port = new int[1];
        assertThrows(AssertionError.class, () -> StrandTest.run(app(), (server, client) -> {
            port[0] = server.port();
            throw new AssertionError("the test body failed");
        }));
        assertThrows(ConnectException.class, () -> {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port[0]), 1000);
            }
        });
    }

    @Test
    void webSocketTimeoutsAndCloseCodes() throws Exception {
        StrandTest.run(app(), (server, client) -> {
            try (var ws = client.ws("/silent")) {
                var e = assertThrows(AssertionError.class, () -> ws.receive(Duration.ofMillis(200)));
                assertEquals("expected a message from /silent within 200 ms, but none arrived", e.getMessage());
                ws.expectNothing(Duration.ofMillis(100));
            }
            try (var ws = client.ws("/closer")) {
                assertEquals(new WsClose(4002, "done here"), ws.awaitClose());
                var e = assertThrows(AssertionError.class, () -> ws.receive(Duration.ofMillis(100)));
                assertTrue(e.getMessage().endsWith("but the connection closed with 4002 done here"), e.getMessage());
            }
        });
    }

    @Test
    void rejectedHandshakesShowStatusAndHeaders() throws Exception {
        StrandTest.run(app(), (server, client) -> {
            var refused = client.wsRejected("/guarded");
            assertEquals(401, refused.status());
            assertEquals("Key", refused.header("WWW-Authenticate"));
            var e = assertThrows(AssertionError.class, () -> client.ws("/guarded"));
            assertTrue(e.getMessage().startsWith("WebSocket /guarded was refused with 401"), e.getMessage());
            var accepted = assertThrows(AssertionError.class, () -> client.wsRejected("/silent"));
            assertEquals("expected WebSocket /silent to be refused, but it opened", accepted.getMessage());
            assertEquals(403, client.wsRejected("/silent", "Origin", "https://elsewhere.example").status());
        });
    }

    @Test
    void sseEventsCommentsTimeoutsAndRefusals() throws Exception {
        StrandTest.run(app(), (server, client) -> {
            try (var sse = client.sse("/beats")) {
                var hello = sse.next();
                assertEquals(new dev.strand.test.SseTestClient.Event("1", "greeting", "hello", 10L, null), hello);
                var e = assertThrows(AssertionError.class, () -> sse.next(Duration.ofMillis(200)));
                assertEquals("expected an event from SSE GET /beats within 200 ms, but none arrived", e.getMessage());
                sse.includeComments();
                assertEquals("ping", sse.next().comment());
            }
            try (var refused = client.sse("/missing")) {
                assertEquals(404, refused.status());
                var e = assertThrows(AssertionError.class, refused::next);
                assertTrue(e.getMessage().startsWith("the stream SSE GET /missing was refused with 404"), e.getMessage());
            }
        });
    }

    @Test
    void rawRequestsReachTheServerAsWritten() throws Exception {
        StrandTest.run(app(), (server, client) -> {
            var r = client.raw("GET /headers HTTP/1.1\r\nHost: x\r\nX-In: raw\r\nConnection: close\r\n\r\n");
            assertTrue(r.startsWith("HTTP/1.1 200 OK"), r);
            assertTrue(r.contains("X-Echo: raw"), r);
        });
    }

    @Test
    void clientUrisPointAtTheServer() throws Exception {
        StrandTest.run(app(), (server, client) -> {
            assertEquals("http://127.0.0.1:" + server.port() + "/headers", client.uri("/headers").toString());
            assertEquals("ws://127.0.0.1:" + server.port() + "/silent", client.wsUri("/silent").toString());
        });
    }
}
