package dev.strand.tests.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.ClosedException;
import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import dev.strand.broadcast.Delivery;
import dev.strand.broadcast.Hub;
import dev.strand.config.Operations;
import dev.strand.sse.SseEvent;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import dev.strand.tests.Await;
import dev.strand.websocket.WsMessage;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Metric values read from {@code GET /metrics} after scripted exchanges over real sockets. */
class MetricsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Hub hub = Hub.inProcess();

    public static final class App {
        @Get("/items/{id}")
        public String item(@PathParam String id) {
            return "item " + id;
        }

        @Ws("/echo")
        public void echo(Context ctx) {
            for (WsMessage m; (m = ctx.receive()) != null; ) {
                if (m instanceof WsMessage.Text(var text)) ctx.sendText(text);
            }
        }

        @Ws("/firehose")
        public void firehose(Context ctx) {
            var chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 100_000; i++) ctx.sendBinary(chunk);
            } catch (ClosedException e) {
                // the slow peer was closed with 1013: what the test counts
            }
        }

        @Sse("/ticks")
        public void ticks(Context ctx) {
            for (int i = 0; i < 3; i++) ctx.sendEvent(SseEvent.data(i));
        }

        /** Sends nothing: only a heartbeat can find the client gone, which ends the wait. */
        @Sse(value = "/quiet", heartbeatMs = 50)
        public void quiet(Context ctx) throws InterruptedException {
            var gone = new CountDownLatch(1);
            ctx.onClose(gone::countDown);
            gone.await();
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder()
            .controllers(new App())
            .hub("main", hub)
            .configure(c -> c.operations(Operations.ON).ws(w -> w.withOutboundBufferSize(512 * 1024))));

    @AfterAll
    static void closeHub() {
        hub.close();
    }

    @Test
    void requestsToOneRouteAreOneSeriesByPatternNeverByRawPath(TestClient client) {
        int n = 7;
        for (int i = 0; i < n; i++) assertEquals("item " + i, client.get("/items/" + i).body());
        client.get("/nowhere/1");
        client.get("/nowhere/2");

        var scrape = Scrape.of(client, "/metrics");
        var labels = new String[] {"uri", "/items/{id}", "method", "GET", "status", "200", "outcome", "SUCCESS"};
        assertEquals(n, scrape.value("http_server_requests_seconds_count", labels));
        var all = new String[labels.length + 2];
        System.arraycopy(labels, 0, all, 0, labels.length);
        all[labels.length] = "le";
        all[labels.length + 1] = "+Inf";
        assertEquals(n, scrape.value("http_server_requests_seconds_bucket", all), "a latency histogram");
        assertEquals(2, scrape.value("http_server_requests_seconds_count", "uri", "NOT_FOUND", "status", "404"));
        assertTrue(scrape.find("http_server_requests_seconds_count").stream()
                        .noneMatch(s -> s.labels().get("uri").startsWith("/items/") && !s.labels().get("uri").equals("/items/{id}")
                                || s.labels().get("uri").startsWith("/nowhere") || s.labels().get("uri").equals("/metrics")),
                "raw paths and scrapes are not series: " + scrape.find("http_server_requests_seconds_count"));
    }

    @Test
    void webSocketMessagesAndBytesEachWayAndTheCloseAreCounted(TestClient client) throws Exception {
        int m = 5;
        var text = "héllo";                                       // 6 bytes in UTF-8
        try (var ws = client.ws("/echo")) {
            for (int i = 0; i < m; i++) {
                ws.send(text);
                assertEquals(text, ws.receiveText());
            }
            var open = Scrape.of(client, "/metrics");
            assertEquals(1, open.value("strand_ws_connections", "route", "/echo"));
            assertEquals(m, open.value("strand_ws_messages_total", "route", "/echo", "direction", "in"));
            assertEquals(m, open.value("strand_ws_messages_total", "route", "/echo", "direction", "out"));
            assertEquals(6 * m, open.value("strand_ws_bytes_total", "route", "/echo", "direction", "in"));
            assertEquals(6 * m, open.value("strand_ws_bytes_total", "route", "/echo", "direction", "out"));
            ws.close(1000, "bye");
            ws.awaitClose();
        }
        Scrape.await(client, WAIT, v -> v == 1, "strand_ws_closes_total", "route", "/echo", "code", "1000");
        Scrape.await(client, WAIT, v -> v == 0, "strand_ws_connections", "route", "/echo");
    }

    @Test
    void aSlowConsumerClosedWith1013IsCounted(TestClient client) throws Exception {
        try (var ws = client.ws("/firehose")) {
            ws.pauseReading();
            Scrape.await(client, WAIT, v -> v == 1, "strand_ws_slow_consumers_total", "route", "/firehose");
            Scrape.await(client, WAIT, v -> v == 1, "strand_ws_closes_total", "route", "/firehose", "code", "1013");
        }
    }

    @Test
    void sseEventsAndOpenStreamsAreCounted(TestClient client) throws Exception {
        try (var sse = client.sse("/ticks")) {
            for (int i = 0; i < 3; i++) assertEquals(Integer.toString(i), sse.next().data());
            sse.awaitEnd();
        }
        assertEquals(3, Scrape.of(client, "/metrics").value("strand_sse_events_total", "route", "/ticks"));
        Scrape.await(client, WAIT, v -> v == 0, "strand_sse_streams", "route", "/ticks");
    }

    @Test
    void anSseClientThatVanishesIsNoticedByTheHeartbeat(TestClient client) throws Exception {
        try (var socket = new Socket(client.base().getHost(), client.base().getPort())) {
            socket.getOutputStream().write("GET /quiet HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            var in = socket.getInputStream();
            var head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                assertTrue(b >= 0, "the stream's headers: " + head);
                head.append((char) b);
            }
            assertTrue(head.toString().startsWith("HTTP/1.1 200"), head.toString());
            Scrape.await(client, WAIT, v -> v == 1, "strand_sse_streams", "route", "/quiet");
            socket.setSoLinger(true, 0);                          // vanish: a reset, no orderly close
        }
        Scrape.await(client, WAIT, v -> v == 1, "strand_sse_disconnects_total", "route", "/quiet", "noticed_by", "heartbeat");
        Scrape.await(client, WAIT, v -> v == 0, "strand_sse_streams", "route", "/quiet");
    }

    @Test
    void theHubCountsPublishedDeliveredAndDroppedMessages(TestClient client) throws Exception {
        try (var slow = hub.subscribe("metrics-room", 2)) {
            for (int i = 0; i < 5; i++) hub.publish("metrics-room", "m" + i);
            var scrape = Scrape.of(client, "/metrics");
            assertEquals(1, scrape.value("strand_broadcast_topics", "hub", "main"));
            assertEquals(1, scrape.value("strand_broadcast_subscribers"));
            assertEquals(5, scrape.value("strand_broadcast_published_total"));
            assertEquals(5, scrape.value("strand_broadcast_delivered_total"));
            assertEquals(3, scrape.value("strand_broadcast_dropped_total"), "capacity 2, five messages, none read");
            assertEquals(new Delivery.Lagged(3), slow.poll());
        }
        assertEquals(0, Scrape.of(client, "/metrics").value("strand_broadcast_topics"));
    }

    @Test
    void theJvmAndVirtualThreadFiguresAreThere(TestClient client) throws InterruptedException {
        var scrape = Scrape.of(client, "/metrics");
        assertTrue(scrape.value("jvm_threads_live_threads") > 0);
        assertTrue(!scrape.find("jvm_memory_used_bytes", "area", "heap").isEmpty());
        assertTrue(scrape.value("process_uptime_seconds") >= 0);
        // bound on a thread of their own, as their JFR stream is slow to start
        Await.until("micrometer-java21's virtual-thread meters", WAIT,
                () -> Scrape.of(client, "/metrics").series().stream().anyMatch(s -> s.name().startsWith("jvm_threads_virtual_")));
    }
}
