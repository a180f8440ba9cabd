package dev.strand.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DemoAppTest {

    @RegisterExtension
    static final StrandExtension demo = new StrandExtension(DemoApp::app);

    @Test
    void indexIsHtml(TestClient client) {
        var r = client.get("/");
        assertEquals(200, r.status());
        assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
        assertTrue(r.body().contains("<h1>Strand demo</h1>"), r.body());
    }

    @Test
    void greets(TestClient client) {
        var r = client.get("/hello/Ada%20Lovelace");
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
        assertEquals("Hello, Ada Lovelace", r.body());
    }

    @Test
    void echoesJson(TestClient client) {
        var r = client.postJson("/api/echo", Map.of("a", 1, "b", java.util.List.of(true, "x")));
        assertEquals(200, r.status());
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals(1, r.json().get("a").asInt());
        assertEquals("[true,\"x\"]", r.json().get("b").toString());
    }

    @Test
    void rejectsMalformedJson(TestClient client) {
        var r = client.post("/api/echo", "{\"a\": }", "Content-Type", "application/json", "Accept", "application/json");
        assertEquals(400, r.status());
        assertTrue(r.json().get("error").asText().startsWith("Malformed JSON"), r.body());
    }

    @Test
    void tellsTheTime(TestClient client) {
        var json = client.get("/api/time").json();
        var serverTime = Instant.parse(json.get("iso").asText());
        assertTrue(Duration.between(serverTime, Instant.now()).abs().compareTo(Duration.ofMinutes(1)) < 0, json.toString());
        assertEquals(serverTime.toEpochMilli(), json.get("epochMillis").asLong());
    }

    @Test
    void secureMeNeedsTheDemoToken(TestClient client) {
        var anonymous = client.get("/api/secure/me");
        assertEquals(401, anonymous.status());
        assertEquals("Bearer", anonymous.header("WWW-Authenticate"));
        assertEquals(401, client.get("/api/secure/me", "Authorization", "Bearer wrong").status());
        assertEquals("demo", client.get("/api/secure/me", "Authorization", "Bearer demo-token").json().get("user").asText());
        assertEquals("demo", client.get("/api/secure/me?token=demo-token").json().get("user").asText());
    }

    @Test
    void indexAssetsAreStaticFiles(TestClient client) {
        var css = client.get("/assets/site.css");
        assertEquals(200, css.status());
        assertEquals("text/css; charset=utf-8", css.header("Content-Type"));
        assertEquals(304, client.get("/assets/site.css", "If-None-Match", css.header("ETag")).status());
    }

    @Test
    void echoSocketEchoesTextAndBinary(TestClient client) {
        try (var ws = client.ws("/ws/echo")) {
            ws.send("x");
            assertEquals("Echo: x", ws.receiveText());
            ws.send(new byte[] {4, 2});
            org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {4, 2}, ws.receiveBinary());
        }
    }

    @Test
    void secureSocketNeedsTheTokenAndGreetsTheUser(TestClient client) {
        assertEquals(401, client.wsRejected("/ws/secure").status());
        try (var ws = client.ws("/ws/secure?token=demo-token")) {
            assertEquals("{\"user\":\"demo\"}", ws.receiveText());
            ws.send("hi");
            assertEquals("Echo: hi", ws.receiveText());
        }
    }
}
