package dev.strand.tests.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Strand;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import dev.strand.tests.NodeClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real EventSource (node's {@code eventsource} package) against the routes of {@link SseTest}. */
class NodeEventSourceTest {

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new SseTest.Streams()));

    private static String base(TestClient client) {
        var uri = client.base().toString();
        return uri.substring(0, uri.length() - 1);
    }

    @Test
    void reconnectsByItselfAndResumesFromTheLastEventId(TestClient client) throws Exception {
        var r = NodeClient.run("sse-client.mjs", "resume", base(client));
        assertEquals("[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\"]", r.get("ids").toString());
        assertEquals("event 9", r.get("data").get(8).asText());
        assertEquals(3, r.get("opens").asInt(), "three connections: the first and two automatic reconnects");
    }

    @Test
    void aRefusedStreamNeverOpens(TestClient client) throws Exception {
        var r = NodeClient.run("sse-client.mjs", "refused", base(client));
        assertFalse(r.get("opened").asBoolean());
        assertEquals(401, r.get("status").asInt());
    }

    @Test
    void namedEventsReachTheirListener(TestClient client) throws Exception {
        var r = NodeClient.run("sse-client.mjs", "named", base(client));
        assertEquals("line one\nline two\nline three", r.get("data").asText());
        assertTrue(r.get("id").asText().equals("42"));
    }
}
