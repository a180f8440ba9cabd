package dev.strand.tests.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import dev.strand.broadcast.Hub;
import dev.strand.broadcast.MessageId;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import dev.strand.tests.Await;
import dev.strand.websocket.WsMessage;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client that reconnects picks up where it left off: SSE with Last-Event-ID, WebSocket with lastEventId. */
class ResumeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Hub HUB = Hub.builder().history("feed:*", 3, Duration.ofMinutes(5)).build();

    public static final class Feeds {
        @Sse("/sse/{name}")
        public void sse(Context ctx, @PathParam String name, MessageId after) throws InterruptedException {
            HUB.stream(ctx, "feed:" + name, after);
        }

        @Ws("/ws/{name}")
        public void ws(Context ctx, @PathParam String name) {
            HUB.forward(ctx, "feed:" + name);
            while (ctx.receive() instanceof WsMessage) {
                // the client only listens
            }
        }
    }

    static final CountDownLatch announcedEnded = new CountDownLatch(1);

    /** Announces each member to the topic, as a chat room does, once its forwarding started. */
    public static final class Announced {
        @Ws("/announced/{name}")
        public void ws(Context ctx, @PathParam String name) {
            try {
                HUB.forward(ctx, "feed:" + name);
                HUB.publish("feed:" + name, "joined");
                while (ctx.receive() instanceof WsMessage) {
                    // the client only listens
                }
            } finally {
                announcedEnded.countDown();
            }
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Feeds(), new Announced()));

    @AfterAll
    static void closeHub() {
        HUB.close();
    }

    @Test
    void anEventSourceReconnectingWithLastEventIdGetsWhatItMissedOnceInOrder(TestClient client) throws Exception {
        String lastId;
        try (var stream = client.sse("/sse/a")) {
            Await.until("the stream joined", WAIT, () -> HUB.subscriberCount("feed:a") == 1);
            HUB.publish("feed:a", "one");
            var one = stream.next();
            assertEquals("one", one.data());
            lastId = one.id();
        }
        // the server notices the old stream is gone only at its next heartbeat; that changes nothing here
        HUB.publish("feed:a", "two");
        HUB.publish("feed:a", "three");

        try (var stream = client.sse("/sse/a", "Last-Event-ID", lastId)) {
            assertEquals("two", stream.next().data());
            var three = stream.next();
            assertEquals("three", three.data());
            HUB.publish("feed:a", "four");
            var four = stream.next();
            assertEquals("four", four.data());
            assertTrue(MessageId.valueOf(three.id()).compareTo(MessageId.valueOf(four.id())) < 0);
        }
    }

    @Test
    void aNewStreamResumesFromTheLastEventIdQueryParameterAsStrandJsSendsIt(TestClient client) throws Exception {
        HUB.publish("feed:q", "one");
        String first;
        try (var stream = client.sse("/sse/q?lastEventId=1-0")) {
            assertEquals("gap", stream.next().event());
            first = stream.next().id();
        }
        HUB.publish("feed:q", "two");
        try (var stream = client.sse("/sse/q?lastEventId=" + first)) {
            assertEquals("two", stream.next().data());
        }
    }

    @Test
    void anEventSourceAwayTooLongIsToldOfTheGapThenGetsTheHistory(TestClient client) throws Exception {
        try (var stream = client.sse("/sse/b", "Last-Event-ID", "1-0")) {
            var gap = stream.next();
            assertEquals("gap", gap.event());
            Await.until("the stream joined", WAIT, () -> HUB.subscriberCount("feed:b") == 1);
            HUB.publish("feed:b", "after");
            assertEquals("after", stream.next().data());
        }
    }

    @Test
    void aMalformedLastEventIdIsRefusedWith400BeforeTheStreamStarts(TestClient client) {
        try (var stream = client.sse("/sse/c", "Last-Event-ID", "everything")) {
            assertEquals(400, stream.status());
            assertTrue(stream.refusalBody().contains("Last-Event-ID"), stream.refusalBody());
        }
        try (var stream = client.sse("/sse/c?lastEventId=1-2-3")) {
            assertEquals(400, stream.status());
            assertTrue(stream.refusalBody().contains("lastEventId"), stream.refusalBody());
            assertTrue(stream.refusalBody().contains("message id"), stream.refusalBody());
        }
        assertEquals(0, HUB.subscriberCount("feed:c"));
    }

    @Test
    void aWebSocketAskingForIdsGetsFramedMessagesAndResumesAfterItsLastId(TestClient client) throws Exception {
        String lastId;
        try (var ws = client.ws("/ws/d?lastEventId=")) {
            Await.until("the socket joined", WAIT, () -> HUB.subscriberCount("feed:d") == 1);
            HUB.publish("feed:d", "{\"n\":1}");
            var frame = ws.receiveText();
            assertTrue(frame.startsWith("\u001e") && frame.endsWith("\n{\"n\":1}"), frame);
            lastId = frame.substring(1, frame.indexOf('\n'));
        }
        Await.until("the socket left", WAIT, () -> HUB.subscriberCount("feed:d") == 0);
        HUB.publish("feed:d", "{\"n\":2}");

        try (var ws = client.ws("/ws/d?lastEventId=" + lastId)) {
            assertTrue(ws.receiveText().endsWith("\n{\"n\":2}"));
            Await.until("the socket joined", WAIT, () -> HUB.subscriberCount("feed:d") == 1);
            HUB.publish("feed:d", "{\"n\":3}");
            assertTrue(ws.receiveText().endsWith("\n{\"n\":3}"));
        }
    }

    @Test
    void aWebSocketWithoutLastEventIdGetsPlainMessages(TestClient client) throws Exception {
        try (var ws = client.ws("/ws/e")) {
            Await.until("the socket joined", WAIT, () -> HUB.subscriberCount("feed:e") == 1);
            HUB.publish("feed:e", "plain");
            assertEquals("plain", ws.receiveText());
        }
    }

    @Test
    void aWebSocketWithAMalformedLastEventIdIsClosedWith1008AndAReason(TestClient client) {
        try (var ws = client.ws("/ws/f?lastEventId=nonsense")) {
            var close = ws.awaitClose();
            assertEquals(1008, close.code());
            assertTrue(close.reason().contains("lastEventId"), close.reason());
        }
        assertEquals(0, HUB.subscriberCount("feed:f"));
    }

    @Test
    void aWebSocketRefusedForAMalformedLastEventIdIsNotAnnouncedToTheTopic(TestClient client) throws Exception {
        try (var member = HUB.subscribe("feed:g"); var ws = client.ws("/announced/g?lastEventId=nonsense")) {
            assertEquals(1008, ws.awaitClose().code());
            assertTrue(announcedEnded.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the handler ended");
            assertNull(member.poll(), "the refused connection went on to announce itself");
        }
    }

    @Test
    void aWebSocketResumingFromAnIdNoLongerKeptGetsAGapFrame(TestClient client) {
        HUB.publish("feed:g", "kept");
        try (var ws = client.ws("/ws/g?lastEventId=1-0")) {
            assertEquals("\u001egap", ws.receiveText());
            assertTrue(ws.receiveText().endsWith("\nkept"));
        }
    }
}
