package com.example.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import dev.strand.websocket.WsClose;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TunedAppTest {
    @RegisterExtension
    static final StrandExtension app = new StrandExtension(TunedApp::app);

    @Test
    void theServerRunsWithTheSettingsGiven() {
        var config = app.server().config();
        assertEquals(256 * 1024, config.limits().maxBodySize());
        assertEquals(32, config.limits().maxQueryParams());               // from Limits.STRICT
        assertEquals(Duration.ofSeconds(20), config.ws().pingInterval());
        assertEquals(5_000, config.maxConnections());
    }

    @Test
    void aBodyOverTheLimitIs413(TestClient client) {
        assertEquals(200, client.post("/echo", "small").status());
        assertEquals(413, client.post("/echo", "x".repeat(300 * 1024)).status());
    }

    @Test
    void routeOptionsOverrideTheServerWide(TestClient client) {
        try (var ws = client.ws("/ticker", "Sec-WebSocket-Protocol", "ticker.v1, ticker.v2")) {
            assertEquals("ticker.v2", ws.socket().getSubprotocol());     // the server's preference
            ws.send("ACME");
            assertEquals("ACME 101.5", ws.receiveText());
            ws.send("x".repeat(5 * 1024));
            assertEquals(WsClose.TOO_BIG, ws.awaitClose().code());
        }
        assertEquals(403, client.wsRejected("/ticker", "Origin", "https://other.example").status());
        try (var ok = client.ws("/ticker", "Origin", "https://app.example.com")) {
            ok.send("X");
            assertEquals("X 101.5", ok.receiveText());
        }
    }

    @Test
    void sseRoutesMayAnswerPost(TestClient client) {
        try (var hits = client.sseRequest("POST", "/search", "tea")) {
            assertEquals("tea one", hits.next().data());
            assertEquals("tea two", hits.next().data());
        }
    }
}
