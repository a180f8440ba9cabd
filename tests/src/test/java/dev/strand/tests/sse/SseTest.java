package dev.strand.tests.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.ClosedException;
import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.Strand;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Use;
import dev.strand.sse.SseEvent;
import dev.strand.test.StrandExtension;
import dev.strand.tests.Reports;
import dev.strand.test.TestClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SseTest {
    static final Reports seen = new Reports();

    public record Quote(String symbol, double price) {}

    public static final class Auth implements dev.strand.Middleware {
        @Override
        public void handle(Context ctx, Chain chain) throws Exception {
            if (ctx.header("Authorization") == null) throw new HttpException(401, "sign in first");
            chain.proceed();
        }
    }

    public static final class Streams {
        @Sse("/format")
        public void format(Context ctx) {
            ctx.sendEvent(SseEvent.data("line one\nline two\r\nline three").event("multi\r\nline").id("4\n2").retry(2500));
            ctx.sendEvent(SseEvent.data(new Quote("ACME", 12.5)));
            ctx.sendEvent(SseEvent.comment("just saying"));
            ctx.sendEvent(SseEvent.data(""));
        }

        @Sse("/raw")
        public void raw(Context ctx) {
            ctx.setResponseHeader("Content-Type", "text/event-stream; charset=utf-8").send();
            for (int i = 0; i < 3; i++) ctx.setResponseBody("data:" + i + "\n\n").sendBody();
        }

        @Sse("/late-header")
        public void lateHeader(Context ctx) {
            try {
                ctx.setResponseHeader("X-Late", "no");
                seen.add("late header accepted");
            } catch (IllegalStateException e) {
                seen.add(e.getMessage());
            }
        }

        @Sse("/resume")
        public void resume(Context ctx) {
            long last = ctx.lastEventId() == null ? 0 : Long.parseLong(ctx.lastEventId());
            for (long i = last + 1; i <= last + 3; i++) ctx.sendEvent(SseEvent.data("event " + i).id(i).retry(50));
        }

        @Sse(value = "/quiet", heartbeatMs = 100)
        public void quiet(Context ctx) throws InterruptedException {
            long start = System.nanoTime();
            seen.add("open");
            while (!ctx.closed()) Thread.sleep(20);
            seen.add("closed after " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
            try {
                ctx.sendEvent(SseEvent.data("too late"));
                seen.add("send worked");
            } catch (ClosedException e) {
                seen.add("send failed: " + e.getMessage());
            }
        }

        @Sse(value = "/vanishing", heartbeatMs = 100)
        public void vanishing(Context ctx) {
            seen.add("start");
            try {
                while (true) {
                    ctx.sendEvent(SseEvent.data("tick"));
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                seen.add("handler finished");
            }
        }

        @Sse(value = "/search", method = "POST")
        public void search(Context ctx) {
            var query = ctx.requestBodyString();
            for (int i = 1; i <= 2; i++) ctx.sendEvent(SseEvent.data(Map.of("query", query, "hit", i)).event("hit"));
        }

        @Use(Auth.class)
        @Sse("/private")
        public void secret(Context ctx) {
            ctx.sendEvent(SseEvent.data("secret"));
        }

        @Sse("/long")
        public void longLived(Context ctx) throws InterruptedException {
            ctx.sendEvent(SseEvent.data("started"));
            try {
                while (!ctx.closed()) Thread.sleep(60_000);
            } finally {
                seen.add("ended by stop");
            }
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Streams())
            .configure(c -> c.idleTimeout(Duration.ofMillis(500))));

    @BeforeEach
    void clear() {
        seen.clear();
    }

    @Test
    void streamHeadersAndExactWireFormat(TestClient client) {
        var raw = client.raw("GET /format HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(raw.contains("Content-Type: text/event-stream; charset=utf-8\r\n"), raw);
        assertTrue(raw.contains("Cache-Control: no-cache\r\n"), raw);
        assertTrue(raw.contains("X-Accel-Buffering: no\r\n"), raw);
        assertTrue(raw.contains("Transfer-Encoding: chunked\r\n"), raw);
        var body = dechunk(raw.substring(raw.indexOf("\r\n\r\n") + 4));
        assertEquals("event: multiline\nid: 42\nretry: 2500\ndata: line one\ndata: line two\ndata: line three\n\n"
                + "data: {\"symbol\":\"ACME\",\"price\":12.5}\n\n"
                + ": just saying\n\n"
                + "data:\n\n", body);
    }

    @Test
    void parsesAsABrowserWould(TestClient client) {
        try (var sse = client.sse("/format")) {
            var first = sse.next();
            assertEquals("multiline", first.event());
            assertEquals("42", first.id());
            assertEquals(2500L, first.retry());
            assertEquals("line one\nline two\nline three", first.data());
            assertEquals("{\"symbol\":\"ACME\",\"price\":12.5}", sse.next().data());
            assertEquals("", sse.next().data());
            sse.awaitEnd();
        }
    }

    @Test
    void theStreamOpensBeforeTheFirstEventAndLateHeadersFailLoudly(TestClient client) throws Exception {
        try (var sse = client.sse("/late-header")) {
            assertEquals(200, sse.status());
            assertEquals("text/event-stream; charset=utf-8", sse.header("Content-Type"));
            assertEquals(null, sse.header("X-Late"));
            assertTrue(seen.next("cannot set header").startsWith("cannot set header X-Late: the response headers were already sent"));
        }
    }

    @Test
    void theSeedsRawStyleWorks(TestClient client) {
        try (var sse = client.sse("/raw")) {
            assertEquals("0", sse.next().data());
            assertEquals("1", sse.next().data());
            assertEquals("2", sse.next().data());
        }
    }

    @Test
    void lastEventIdResumesTheStream(TestClient client) {
        try (var sse = client.sse("/resume", "Last-Event-ID", "7")) {
            var first = sse.next();
            assertEquals("event 8", first.data());
            assertEquals("8", first.id());
            assertEquals("9", sse.next().id());
        }
    }

    @Test
    void heartbeatsKeepAQuietStreamAliveLongerThanTheIdleTimeout(TestClient client) throws Exception {
        try (var sse = client.sse("/quiet").includeComments()) {
            assertEquals("open", seen.next("open"));
            var deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            int heartbeats = 0;
            while (System.nanoTime() < deadline) {
                var e = sse.next();
                assertTrue(e.isComment(), "a quiet stream sends only heartbeats, got " + e);
                assertEquals("ping", e.comment());
                heartbeats++;
            }
            assertTrue(heartbeats >= 5, "heartbeats in 1.5 s at 100 ms: " + heartbeats);
            assertTrue(!sse.ended(), "the 500 ms idle timeout must not end a healthy stream");
        }
    }

    @Test
    void aVanishedClientIsNoticedAndTheNextSendFails(TestClient client) throws Exception {
        var sse = client.sse("/quiet");
        assertEquals("open", seen.next("open"));
        sse.close();
        var closed = seen.next("closed after ");
        assertTrue(closed.startsWith("closed after "), closed);
        long millis = Long.parseLong(closed.replaceAll("\\D", ""));
        assertTrue(millis < 3000, "a vanished client took " + millis + " ms to notice with 100 ms heartbeats");
        assertEquals("send failed: the SSE stream is closed", seen.next("send failed: the SSE stream is closed"));
    }

    @Test
    void aClientVanishingMidStreamEndsTheHandlerQuietly(TestClient client) throws Exception {
        var sse = client.sse("/vanishing");
        assertEquals("start", seen.next("start"));
        assertEquals("tick", sse.next().data());
        sse.close();
        assertEquals("handler finished", seen.next("handler finished"));
    }

    @Test
    void postStreamsWork(TestClient client) {
        try (var sse = client.sseRequest("POST", "/search", "strand")) {
            var hit = sse.next();
            assertEquals("hit", hit.event());
            assertEquals("{\"query\":\"strand\",\"hit\":1}".length(), hit.data().length());
            assertTrue(hit.data().contains("\"query\":\"strand\""), hit.data());
            assertTrue(sse.next().data().contains("\"hit\":2"));
        }
    }

    @Test
    void middlewareRejectionMeansNoStream(TestClient client) {
        try (var refused = client.sse("/private")) {
            assertEquals(401, refused.status());
            assertEquals("sign in first", refused.refusalBody().strip());
            assertNull(refused.header("X-Accel-Buffering"));
        }
        try (var sse = client.sse("/private", "Authorization", "Bearer x")) {
            assertEquals("secret", sse.next().data());
        }
    }

    private static String dechunk(String chunked) {
        var out = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int eol = chunked.indexOf("\r\n", i);
            int size = Integer.parseInt(chunked.substring(i, eol).trim(), 16);
            if (size == 0) break;
            out.append(chunked, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
