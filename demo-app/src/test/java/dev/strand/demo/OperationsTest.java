package dev.strand.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo serves metrics and health at their default paths, covering its routes and both hubs. */
class OperationsTest {

    @RegisterExtension
    static final StrandExtension demo = new StrandExtension(DemoApp::app);

    @Test
    void readinessAndLivenessAreUp(TestClient client) {
        var ready = client.get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.json().get("checks").get("server").asText());
        assertEquals(200, client.get("/health/live").status());
    }

    @Test
    void metricsCountRequestsByRouteAndShowBothHubs(TestClient client) {
        client.get("/hello/Ada");
        client.get("/hello/Grace");
        var r = client.get("/metrics");
        assertEquals(200, r.status());
        var text = r.body();
        assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/hello/{name}\"} 2"), text);
        assertTrue(text.contains("strand_broadcast_topics{hub=\"rooms\"}"), text);
        assertTrue(text.contains("strand_broadcast_topics{hub=\"local\"}"), text);
        assertTrue(text.contains("strand_ws_connections{route=\"/ws/chat/{room}\"}"), text);
    }
}
