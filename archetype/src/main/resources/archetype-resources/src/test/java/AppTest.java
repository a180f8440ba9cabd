package ${package};

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real app on a random port of 127.0.0.1, driven by real HTTP, WebSocket and SSE clients. */
class AppTest {
    @RegisterExtension
    static final StrandExtension app = new StrandExtension(App::app);

    @Test
    void greetsByName(TestClient client) {
        var response = client.get("/hello/ada");
        assertEquals(200, response.status());
        assertEquals("Hello, ada", response.body());
    }

    @Test
    void echoesWebSocketMessages(TestClient client) {
        try (var ws = client.ws("/echo")) {
            ws.send("hi");
            assertEquals("hi", ws.receiveText());
            ws.send(new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, ws.receiveBinary());
        }
    }

    @Test
    void streamsTheClock(TestClient client) {
        try (var clock = client.sse("/clock")) {
            var first = clock.next();
            assertEquals("1", first.id());
            assertTrue(first.data().matches("\\d\\d:\\d\\d:\\d\\d"), "a time, was " + first.data());
            assertEquals("2", clock.next().id());
        }
    }

    @Test
    void servesThePageWithStrandJs(TestClient client) {
        var page = client.get("/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<script src=\"/strand.js\"></script>"), page.body());
        assertEquals(200, client.get("/strand.js").status());
    }
}
