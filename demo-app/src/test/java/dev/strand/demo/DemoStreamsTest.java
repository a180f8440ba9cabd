package dev.strand.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DemoStreamsTest {

    @RegisterExtension
    static final StrandExtension demo = new StrandExtension(DemoApp::app);

    @Test
    void ticksCountUpAndEnd(TestClient client) {
        try (var sse = client.sse("/sse/ticks?count=3&interval_ms=10")) {
            for (int i = 1; i <= 3; i++) {
                var tick = sse.next();
                assertEquals(String.valueOf(i), tick.id());
                assertEquals(String.valueOf(i), tick.data());
            }
            sse.awaitEnd();
        }
    }

    @Test
    void ticksResumeAfterTheLastEventId(TestClient client) {
        try (var sse = client.sse("/sse/ticks?count=5&interval_ms=10", "Last-Event-ID", "2")) {
            assertEquals("3", sse.next().data());
            assertEquals("4", sse.next().data());
            assertEquals("5", sse.next().id());
            sse.awaitEnd();
        }
    }

    @Test
    void stocksStreamQuotesAsJsonWithIds(TestClient client) throws Exception {
        var json = new ObjectMapper();
        try (var sse = client.sse("/sse/stocks")) {
            for (int i = 0; i < 6; i++) {
                var quote = sse.next();
                assertNull(quote.event());
                assertTrue(quote.id().matches("\\d+-\\d+"), quote.id());
                var q = json.readTree(quote.data());
                assertTrue(q.get("symbol").asText().matches("[A-Z]+"), quote.data());
                assertTrue(q.get("price").asDouble() > 0, quote.data());
                assertTrue(q.get("volume").asInt() > 0, quote.data());
                assertTrue(Math.abs(System.currentTimeMillis() - q.get("timestamp").asLong()) < 60_000, quote.data());
            }
        }
    }

    @Test
    void stocksResumeAfterTheLastQuoteSeenWithNothingTwice(TestClient client) {
        String lastId;
        var seen = new java.util.ArrayList<String>();
        try (var sse = client.sse("/sse/stocks")) {
            for (int i = 0; i < 5; i++) seen.add(sse.next().data());
            lastId = sse.next().id();
        }
        // the ticker goes on while the client is away, for a while
        try (var sse = client.sse("/sse/stocks", "Last-Event-ID", lastId)) {
            var next = sse.next();
            assertTrue(dev.strand.broadcast.MessageId.valueOf(next.id()).compareTo(dev.strand.broadcast.MessageId.valueOf(lastId)) > 0);
            assertTrue(!seen.contains(next.data()), "the first quote after a resume is one not seen yet");
        }
    }

    @Test
    void aMalformedResumePointIsRefusedWith400(TestClient client) {
        try (var refused = client.sse("/sse/stocks", "Last-Event-ID", "yesterday")) {
            assertEquals(400, refused.status());
        }
    }

    @Test
    void secureStreamNeedsTheToken(TestClient client) {
        try (var refused = client.sse("/sse/secure")) {
            assertEquals(401, refused.status());
        }
        try (var sse = client.sse("/sse/secure?token=demo-token")) {
            var hello = sse.next();
            assertEquals("hello", hello.event());
            assertEquals("{\"user\":\"demo\"}", hello.data());
        }
    }

    /** A 200 MiB file in a multipart form streamed through the digest, while other requests keep answering. */
    @Test
    void uploadsOfHundredsOfMegabytesStreamThroughWhileOthersAreServed(TestClient client) throws Exception {
        long size = 200L * 1024 * 1024;
        var digest = MessageDigest.getInstance("SHA-256");
        var head = ("--demo-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.iso\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        var tail = "\r\n--demo-boundary--\r\n".getBytes(StandardCharsets.US_ASCII);
        var upload = HttpRequest.newBuilder(client.uri("/api/upload")).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=demo-boundary")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new SequenceInputStream(Collections.enumeration(List.of(
                                new ByteArrayInputStream(head), new PatternStream(size, digest),
                                new ByteArrayInputStream(tail))))), head.length + size + tail.length))
                .build();
        var uploading = new AtomicBoolean(true);
        var slowest = new AtomicLong();
        var answered = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var result = pool.submit(() -> {
                try {
                    return client.http().send(upload, HttpResponse.BodyHandlers.ofString());
                } finally {
                    uploading.set(false);
                }
            });
            var probe = pool.submit(() -> {
                while (uploading.get()) {
                    long start = System.nanoTime();
                    assertEquals("Hello, probe", client.get("/hello/probe").body());
                    slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
                    answered.incrementAndGet();
                }
                return null;
            });
            var response = result.get();
            probe.get();
            assertEquals(200, response.statusCode(), response.body());
            var body = new ObjectMapper().readTree(response.body()).get(0);
            assertEquals("big.iso", body.get("fileName").asText());
            assertEquals(size, body.get("bytes").asLong());
            assertEquals(HexFormat.of().formatHex(digest.digest()), body.get("sha256").asText());
        }
        assertTrue(answered.get() > 0, "no request was answered during the upload");
        assertTrue(slowest.get() < Duration.ofSeconds(2).toNanos(),
                "a GET took " + Duration.ofNanos(slowest.get()).toMillis() + " ms during the upload");
    }

    /** A deterministic stream of bytes (one random 64 KiB block, repeated) that feeds a digest as it is read. */
    private static final class PatternStream extends InputStream {
        private static final byte[] BLOCK = new byte[64 * 1024];

        static {
            new java.util.Random(42).nextBytes(BLOCK);
        }

        private final long size;
        private final MessageDigest digest;
        private long position;

        PatternStream(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            var one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) return -1;
            int at = (int) (position % BLOCK.length);
            int n = (int) Math.min(Math.min(length, size - position), BLOCK.length - at);
            System.arraycopy(BLOCK, at, buffer, offset, n);
            digest.update(buffer, offset, n);
            position += n;
            return n;
        }
    }
}
