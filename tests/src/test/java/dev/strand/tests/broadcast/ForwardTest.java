package dev.strand.tests.broadcast;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.annotation.Ws;
import dev.strand.broadcast.Hub;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import dev.strand.tests.Await;
import dev.strand.websocket.WsMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Forwarding a topic to a connection: to a WebSocket (each message a text message), and to a
 * streamed HTTP response (each message a chunk, as an SSE stream would get them).
 */
class ForwardTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Hub HUB = Hub.inProcess();
    private static final CountDownLatch END_BRIEF = new CountDownLatch(1);

    public static final class Rooms {
        /** A chat room: what a member sends reaches every other member. */
        @Ws("/chat/{room}")
        public void chat(Context ctx) {
            var room = ctx.pathParam("room");
            try (var me = HUB.forward(ctx, room)) {
                for (WsMessage m; (m = ctx.receive()) != null; ) {
                    if (m instanceof WsMessage.Text(var text)) HUB.publish(room, text, me);
                }
            }
        }

        /** Streams the room until the client goes away. */
        @Get("/rooms/{room}")
        public void join(Context ctx) throws InterruptedException {
            HUB.forward(ctx, ctx.pathParam("room")).awaitClosed(WAIT.multipliedBy(3));
        }

        /** Streams the room, as SSE-style frames, until the client goes away. */
        @Get("/events/{room}")
        public void events(Context ctx) throws InterruptedException {
            ctx.setResponseHeader("Content-Type", "text/event-stream");
            HUB.forward(ctx, ctx.pathParam("room"), (c, text) -> c.sendText("data: " + text + "\n\n"))
                    .awaitClosed(WAIT.multipliedBy(3));
        }

        /** Streams the room until the test lets the handler return, which ends the response. */
        @Get("/brief/{room}")
        public void brief(Context ctx) throws InterruptedException {
            HUB.forward(ctx, ctx.pathParam("room"));
            END_BRIEF.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Rooms()));

    @AfterAll
    static void closeHub() {
        HUB.close();
    }

    @Test
    void aWebSocketMemberHearsTheOthersButNotItself(TestClient client) throws Exception {
        try (var ada = client.ws("/chat/tea"); var bob = client.ws("/chat/tea");
             var eve = client.ws("/chat/coffee"); var dan = client.ws("/chat/coffee")) {
            Await.until("all joined", WAIT, () -> HUB.subscriberCount("tea") == 2 && HUB.subscriberCount("coffee") == 2);

            ada.send("hi bob");
            assertEquals("hi bob", bob.receiveText());
            bob.send("hi ada");
            assertEquals("hi ada", ada.receiveText(), "ada never got her own message back");

            assertEquals(2, HUB.publish("tea", "from the server"));
            assertEquals("from the server", ada.receiveText());
            assertEquals("from the server", bob.receiveText());
            eve.send("only coffee");
            assertEquals("only coffee", dan.receiveText());
            HUB.publish("tea", "last");
            assertEquals("last", ada.receiveText(), "nothing from the other room came first");
        }
    }

    @Test
    void aWebSocketThatStopsReadingIsClosedWith1013WhileTheOthersGetEverything(TestClient client) throws Exception {
        try (var slow = client.ws("/chat/flood"); var fast = client.ws("/chat/flood")) {
            Await.until("both joined", WAIT, () -> HUB.subscriberCount("flood") == 2);
            slow.pauseReading();
            var chunk = "x".repeat(64 * 1024);
            int sent = 0;
            // Publishing goes straight into each socket's outbound buffer and never waits: the
            // slow one's overflows (1 MiB beyond what TCP holds) and it leaves the room, while
            // the one that reads gets every message, in order.
            while (HUB.subscriberCount("flood") == 2 && sent < 2_000) {
                HUB.publish("flood", sent + chunk);
                assertTrue(fast.receiveText().startsWith(sent + "x"), "message " + sent + " in order");
                sent++;
            }
            assertEquals(1, HUB.subscriberCount("flood"), "the reader that stopped left after " + sent + " messages");
            HUB.publish("flood", "after");
            assertEquals("after", fast.receiveText());
            slow.resumeReading();
            assertEquals(1013, slow.awaitClose().code());
        }
    }

    @Test
    void aWebSocketThatClosesOrDropsLeavesTheRoom(TestClient client) throws Exception {
        var closing = client.ws("/chat/leaving");
        var dropping = client.ws("/chat/leaving");
        Await.until("both joined", WAIT, () -> HUB.subscriberCount("leaving") == 2);

        closing.close();
        Await.until("the closed socket left", WAIT, () -> HUB.subscriberCount("leaving") == 1);
        dropping.socket().abort();
        Await.until("the dropped socket left", WAIT, () -> HUB.subscriberCount("leaving") == 0);
        assertTrue(!HUB.topics().contains("leaving"));
    }

    @Test
    void messagesPublishedToTheRoomReachTheConnection(TestClient client) throws Exception {
        try (var stream = Stream.open(client, "/rooms/lobby")) {
            Await.until("the connection joined", WAIT, () -> HUB.subscriberCount("lobby") == 1);

            assertEquals(1, HUB.publish("lobby", "hello"));
            HUB.publish("lobby", "world");
            HUB.publish("elsewhere", "not here");

            var seen = stream.readUntil("world");
            assertTrue(seen.indexOf("hello") < seen.indexOf("world"), seen);
            assertTrue(!seen.contains("not here"), seen);
        }
    }

    @Test
    void theSendFunctionFormatsEachMessage(TestClient client) throws Exception {
        try (var stream = Stream.open(client, "/events/news")) {
            Await.until("the connection joined", WAIT, () -> HUB.subscriberCount("news") == 1);
            HUB.publish("news", "{\"n\":1}");
            var seen = stream.readUntil("data: {\"n\":1}\n\n");
            assertTrue(seen.contains("Content-Type: text/event-stream"), seen);
        }
    }

    @Test
    void aConnectionThatGoesAwayLeavesTheRoom(TestClient client) throws Exception {
        try (var stream = Stream.open(client, "/rooms/gone")) {
            Await.until("the connection joined", WAIT, () -> HUB.subscriberCount("gone") == 1);
            HUB.publish("gone", "hi");
            stream.readUntil("hi");
        }
        // A plain HTTP response notices the peer is gone when a write fails: keep publishing.
        Await.until("the closed connection left the room", WAIT, () -> {
            HUB.publish("gone", "anyone?");
            return HUB.subscriberCount("gone") == 0;
        });
        assertTrue(!HUB.topics().contains("gone"));
    }

    @Test
    void theExchangeEndingLeavesTheRoomWithoutAnyPublish(TestClient client) throws Exception {
        try (var stream = Stream.open(client, "/brief/short")) {
            Await.until("the connection joined", WAIT, () -> HUB.subscriberCount("short") == 1);
            HUB.publish("short", "only message");
            stream.readUntil("only message");

            END_BRIEF.countDown();

            Await.until("the ended exchange left the room", WAIT, () -> HUB.subscriberCount("short") == 0);
            stream.readUntil("0\r\n\r\n");
        }
    }

    /** A raw HTTP/1.1 GET whose streamed response the test reads as it comes. */
    private record Stream(Socket socket, StringBuilder seen) implements AutoCloseable {
        static Stream open(TestClient client, String path) throws IOException {
            var socket = new Socket();
            socket.connect(new InetSocketAddress(client.base().getHost(), client.base().getPort()), (int) WAIT.toMillis());
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n").getBytes(ISO_8859_1));
            return new Stream(socket, new StringBuilder());
        }

        /** Reads until {@code expected} has arrived; returns everything so far. */
        String readUntil(String expected) throws IOException {
            var buffer = new byte[4096];
            while (seen.indexOf(expected) < 0) {
                int n;
                try {
                    n = socket.getInputStream().read(buffer);
                } catch (SocketTimeoutException e) {
                    return fail("no '" + expected + "' within " + WAIT + "; got:\n" + seen);
                }
                if (n < 0) fail("the server closed before '" + expected + "'; got:\n" + seen);
                seen.append(new String(buffer, 0, n, ISO_8859_1));
            }
            return seen.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
