package dev.strand.tests.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.ClosedException;
import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.Strand;
import dev.strand.annotation.Use;
import dev.strand.annotation.Ws;
import dev.strand.test.StrandExtension;
import dev.strand.tests.Reports;
import dev.strand.test.TestClient;
import dev.strand.websocket.WsClose;
import dev.strand.websocket.WsMessage;
import java.util.ArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebSocketTest {
    /** What handlers observed, for the tests to assert on. */
    static final Reports seen = new Reports();
    static final Context.Key<String> USER = Context.Key.of("user", String.class);

    public static final class Auth implements dev.strand.Middleware {
        @Override
        public void handle(Context ctx, Chain chain) throws Exception {
            if (!"Bearer t".equals(ctx.header("Authorization"))) throw new HttpException(401, "no token");
            ctx.attribute(USER, "ada");
            chain.proceed();
        }
    }

    public static final class Sockets {
        @Ws("/echo")
        public void echo(Context ctx) {
            for (WsMessage m; (m = ctx.receive()) != null; ) {
                switch (m) {
                    case WsMessage.Text t -> ctx.sendText("Echo: " + t.text());
                    case WsMessage.Binary b -> ctx.sendBinary(b.bytes());
                }
            }
        }

        @Ws("/bodies/{room}")
        public void bodies(Context ctx) {
            seen.add(ctx.pathParam("room") + " " + ctx.queryParam("name") + " " + ctx.header("X-Client") + " " + ctx.cookie("c"));
            for (byte[] msg; (msg = ctx.requestBody()).length > 0; ) {
                // read again once a message came: by then Strand has let go of Jetty's upgrade exchange
                var request = ctx.queryParam("name") + " " + ctx.header("X-Client") + " " + ctx.cookie("c") + " " + ctx.responseStatus();
                ctx.setResponseBody("got " + new String(msg, java.nio.charset.StandardCharsets.UTF_8) + " from " + request).sendBody();
            }
            seen.add("peer closed " + ctx.closeStatus().code() + " " + ctx.closeStatus().reason());
        }

        @Ws("/once")
        public void once(Context ctx) {
            ctx.sendText("hello and goodbye");
        }

        @Ws("/game")
        public void game(Context ctx) {
            ctx.receive();
            ctx.close(4000, "game over");
        }

        @Ws("/fail")
        public void fail(Context ctx) {
            ctx.receive();
            throw new IllegalStateException("secret detail");
        }

        @Ws(value = "/small", maxMessageSize = 1024)
        public void small(Context ctx) {
            echo(ctx);
            seen.add("small ended " + ctx.closeStatus().code());
        }

        @Ws(value = "/idle", idleTimeoutMs = 300, pingIntervalMs = 0)
        public void idle(Context ctx) {
            ctx.receive();
            seen.add("idle ended " + ctx.closeStatus().code());
        }

        @Ws(value = "/heartbeat", pingIntervalMs = 100)
        public void heartbeat(Context ctx) {
            echo(ctx);
            seen.add("heartbeat ended " + ctx.closeStatus().code());
        }

        @Ws(value = "/protocols", subprotocols = {"v1", "v2"})
        public void protocols(Context ctx) {
            echo(ctx);
        }

        @Ws(value = "/partners", origins = "https://partner.example")
        public void partners(Context ctx) {
            ctx.sendText("welcome");
        }

        @Use(Auth.class)
        @Ws("/secure")
        public void secure(Context ctx) {
            ctx.sendText("user " + ctx.attribute(USER));
        }

        @Ws("/two-senders")
        public void twoSenders(Context ctx) throws Exception {
            try (var background = Executors.newVirtualThreadPerTaskExecutor()) {
                background.submit(() -> {
                    for (int i = 0; i < 200; i++) ctx.sendText("tick " + i);
                });
                for (int i = 0; i < 200; i++) ctx.sendText("tock " + i);
            }
            ctx.receive();
        }

        @Ws("/firehose")
        public void firehose(Context ctx) {
            var chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 100_000; i++) ctx.sendBinary(chunk);
                seen.add("firehose never stopped");
            } catch (ClosedException e) {
                seen.add("firehose stopped: " + ctx.closeStatus().code());
            }
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder()
            .controllers(new Sockets())
            .configure(c -> c.ws(w -> w.withOutboundBufferSize(512 * 1024))));

    @BeforeEach
    void clear() {
        seen.clear();
    }

    @Test
    void echoesTextAndBinary(TestClient client) {
        try (var ws = client.ws("/echo")) {
            ws.send("hello");
            assertEquals("Echo: hello", ws.receiveText());
            ws.send(new byte[] {1, 2, 3, 0, -1});
            assertArrayEquals(new byte[] {1, 2, 3, 0, -1}, ws.receiveBinary());
            ws.send("");
            assertEquals("Echo: ", ws.receiveText());
        }
    }

    @Test
    void assemblesFragmentedMessages(TestClient client) {
        try (var ws = client.ws("/echo")) {
            ws.sendFragmented("frag", "men", "ted ✓");
            assertEquals("Echo: fragmented ✓", ws.receiveText());
        }
    }

    @Test
    void theUpgradeRequestStaysReadableForTheWholeConnection(TestClient client) throws Exception {
        try (var ws = client.ws("/bodies/lobby?name=ada", "X-Client", "jdk", "Cookie", "c=1")) {
            assertEquals("lobby ada jdk 1", seen.next("lobby ada jdk 1"));
            ws.send("one");
            assertEquals("got one from ada jdk 1 101", ws.receiveText());
            ws.close(4001, "bye now");
            assertEquals(4001, ws.awaitClose().code());
            assertEquals("peer closed 4001 bye now", seen.next("peer closed 4001 bye now"));
        }
    }

    @Test
    void returningFromTheHandlerClosesWith1000(TestClient client) {
        try (var ws = client.ws("/once")) {
            assertEquals("hello and goodbye", ws.receiveText());
            assertEquals(new WsClose(1000, ""), ws.awaitClose());
        }
    }

    @Test
    void theHandlerChoosesTheCloseCode(TestClient client) {
        try (var ws = client.ws("/game")) {
            ws.send("move");
            assertEquals(new WsClose(4000, "game over"), ws.awaitClose());
        }
    }

    @Test
    void aFailingHandlerClosesWith1011WithoutDetails(TestClient client) {
        try (var ws = client.ws("/fail")) {
            ws.send("go");
            var close = ws.awaitClose();
            assertEquals(1011, close.code());
            assertTrue(close.reason().startsWith("Server error (id "), close.reason());
            assertFalse(close.reason().contains("secret"));
        }
    }

    @Test
    void anOversizedMessageClosesWith1009(TestClient client) throws Exception {
        try (var ws = client.ws("/small")) {
            ws.send("x".repeat(1024));
            assertEquals("Echo: " + "x".repeat(1024), ws.receiveText());
            ws.send("x".repeat(1025));
            assertEquals(1009, ws.awaitClose().code());
            assertEquals("small ended 1009", seen.next("small ended 1009"));
        }
    }

    @Test
    void anIdleConnectionIsClosed(TestClient client) throws Exception {
        try (var ws = client.ws("/idle")) {
            assertEquals(1001, ws.awaitClose().code());
            assertEquals("idle ended 1001", seen.next("idle ended 1001"));
        }
    }

    @Test
    void pongsAnswerServerPingsAndClientPingsGetPongs(TestClient client) throws Exception {
        try (var ws = client.ws("/heartbeat")) {
            ws.ping(new byte[] {7, 7});
            for (int i = 0; i < 5; i++) {
                ws.send("still here " + i);
                assertEquals("Echo: still here " + i, ws.receiveText());
                Thread.sleep(100);
            }
            assertFalse(ws.isClosed(), "a client that answers pings stays connected");
        }
    }

    @Test
    void aPeerThatStopsAnsweringPingsIsDropped(TestClient client) throws Exception {
        try (var raw = RawWebSocket.open(client.base(), "/heartbeat")) {
            assertEquals("heartbeat ended 1006", seen.next("heartbeat ended 1006"));
            assertTrue(raw.readsUntilEof(), "the server dropped the silent peer");
        }
    }

    @Test
    void subprotocolsAreNegotiatedByServerPreference(TestClient client) {
        try (var ws = client.ws("/protocols", "Sec-WebSocket-Protocol", "v2, v1")) {
            assertEquals("v1", ws.socket().getSubprotocol());
        }
        try (var ws = client.ws("/protocols", "Sec-WebSocket-Protocol", "v2")) {
            assertEquals("v2", ws.socket().getSubprotocol());
        }
    }

    @Test
    void foreignOriginsAreRefusedWith403(TestClient client) {
        assertEquals(403, client.wsRejected("/echo", "Origin", "https://evil.example").status());
        try (var ws = client.ws("/echo", "Origin", "http://127.0.0.1:" + client.base().getPort())) {
            ws.send("same origin");
            assertEquals("Echo: same origin", ws.receiveText());
        }
        try (var ws = client.ws("/partners", "Origin", "https://partner.example")) {
            assertEquals("welcome", ws.receiveText());
        }
        assertEquals(403, client.wsRejected("/partners", "Origin", "https://evil.example").status());
    }

    @Test
    void middlewareRejectsTheHandshakeOrPutsTheUserInTheLoop(TestClient client) {
        var refused = client.wsRejected("/secure");
        assertEquals(401, refused.status());
        try (var ws = client.ws("/secure", "Authorization", "Bearer t")) {
            assertEquals("user ada", ws.receiveText());
        }
    }

    @Test
    void plainGetOnAWebSocketRouteIs426(TestClient client) {
        var r = client.get("/echo");
        assertEquals(426, r.status());
        assertEquals("websocket", r.header("Upgrade"));
    }

    @Test
    void sendsFromTwoThreadsArriveWholeAndInOrderPerThread(TestClient client) {
        try (var ws = client.ws("/two-senders")) {
            var ticks = new ArrayList<Integer>();
            var tocks = new ArrayList<Integer>();
            for (int i = 0; i < 400; i++) {
                var text = ws.receiveText();
                var n = Integer.parseInt(text.substring(5));
                (text.startsWith("tick ") ? ticks : tocks).add(n);
            }
            var expected = java.util.stream.IntStream.range(0, 200).boxed().toList();
            assertEquals(expected, ticks);
            assertEquals(expected, tocks);
        }
    }

    @Test
    void aClientThatStopsReadingIsClosedWith1013(TestClient client) throws Exception {
        try (var ws = client.ws("/firehose")) {
            ws.pauseReading();
            assertEquals("firehose stopped: 1013", seen.next("firehose stopped: 1013"));
        }
    }
}
