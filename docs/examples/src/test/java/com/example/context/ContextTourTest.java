package com.example.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContextTourTest {
    @RegisterExtension
    static final StrandExtension app = new StrandExtension(ContextApp::app);

    @Test
    void readsEveryPartOfTheRequest(TestClient client) {
        var seen = client.get("/inspect/4%202?tag=a&tag=b", "User-Agent", "docs-test", "Cookie", "theme=dark",
                "X-Request-Id", "req-1").json(ContextTour.Seen.class);
        assertEquals(new ContextTour.Seen("GET", "/inspect/4%202", "/inspect/{id}", Map.of("id", "4 2"), List.of("a", "b"),
                "docs-test", "dark", "127.0.0.1", "req-1"), seen);
    }

    @Test
    void middlewareGivesEveryResponseARequestId(TestClient client) {
        assertNotNull(client.get("/teapot").header("X-Request-Id"));
        assertEquals("mine", client.get("/teapot", "X-Request-Id", "mine").header("X-Request-Id"));
    }

    @Test
    void buildsAResponseThenSendsIt(TestClient client) {
        var teapot = client.get("/teapot");
        assertEquals(418, teapot.status());
        assertEquals("no-store", teapot.header("Cache-Control"));
        assertEquals(Map.of("short", true, "stout", true), teapot.json(Map.class));
    }

    @Test
    void streamsChunksAndReadsUploadsAsTheyArrive(TestClient client) throws Exception {
        assertEquals("1\n2\n3\n", client.get("/count").body());
        var body = new byte[3 * 1024 * 1024];
        body[0] = 1;
        var received = client.request("POST", "/upload", body).json(ContextTour.Received.class);
        assertEquals(body.length, received.bytes());
        var sha = java.security.MessageDigest.getInstance("SHA-256").digest(body);
        assertEquals(HexFormat.of().formatHex(sha), received.sha256());
    }

    @Test
    void onCloseRunsWhenTheClientLeaves(TestClient client) {
        try (var first = client.sse("/watchers")) {
            assertEquals("1", first.next().data());
            try (var second = client.sse("/watchers")) {
                assertEquals("2", second.next().data());
            }
            // The second client hung up: its stream's next send fails, the stream ends, onClose runs.
            var count = first.next().data();
            for (int events = 1; events < 10 && !count.equals("1"); events++) count = first.next().data();
            assertEquals("1", count);
        }
    }
}
