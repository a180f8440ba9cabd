package dev.strand.tests.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.annotation.Post;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Chunked responses written as they are sent, and bodies read as streams with their own limit. */
class StreamingTest {
    static final CountDownLatch firstChunkSeen = new CountDownLatch(1);

    public static final class Api {
        @Get("/chunks")
        public void chunks(Context ctx) throws InterruptedException {
            ctx.setResponseBody("first;").sendBody();
            assertTrue(firstChunkSeen.await(10, TimeUnit.SECONDS), "the client never saw the first chunk");
            ctx.setResponseBody("second;").sendBody();
        }

        @Post("/count")
        public long count(Context ctx) throws Exception {
            long total = 0;
            try (InputStream in = ctx.requestBodyStream()) {
                var buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) total += n;
            }
            return total;
        }

        @Get("/ok")
        public String ok() {
            return "ok";
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Api())
            .configure(c -> c.maxStreamSize(1024 * 1024).maxRequestBodySize(1024)));

    @Test
    void eachChunkIsWrittenWhenSent(TestClient client) throws Exception {
        var response = client.http().send(HttpRequest.newBuilder(client.uri("/chunks")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (var in = response.body()) {
            var first = new String(in.readNBytes("first;".length()));
            assertEquals("first;", first);
            firstChunkSeen.countDown();
            assertEquals("second;", new String(in.readAllBytes()));
        }
        assertEquals("chunked", response.headers().firstValue("Transfer-Encoding").orElse(""));
    }

    @Test
    void streamedBodiesHaveTheirOwnLimit(TestClient client) {
        assertEquals("524288", client.request("POST", "/count", new byte[512 * 1024]).body());
        var r = client.request("POST", "/count", new byte[1024 * 1024 + 1]);
        assertEquals(413, r.status());
        assertEquals("Request body is larger than the streaming limit of 1048576 bytes", r.body().strip());
        assertEquals("ok", client.get("/ok").body());
    }

    @Test
    void anUndeclaredLengthIsCutOffAt413(TestClient client) {
        var chunk = "x".repeat(60_000);
        var request = new StringBuilder("POST /count HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 40; i++) request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        request.append("0\r\n\r\n");
        var r = client.raw(request.toString());
        assertTrue(r.startsWith("HTTP/1.1 413 "), r.substring(0, Math.min(200, r.length())));
        assertTrue(r.contains("Connection: close"), "the connection closes after a 413 mid-body: " + r);
        assertEquals("ok", client.get("/ok").body());
    }
}
