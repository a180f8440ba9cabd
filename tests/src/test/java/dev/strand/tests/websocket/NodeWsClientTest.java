package dev.strand.tests.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Strand;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import dev.strand.tests.NodeClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same routes as {@link WebSocketTest}, driven by node's {@code ws} package: a second, independent client. */
class NodeWsClientTest {

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new WebSocketTest.Sockets()));

    private static String base(TestClient client) {
        var uri = client.wsUri("/").toString();
        return uri.substring(0, uri.length() - 1);
    }

    @Test
    void echoesTextBinaryAndFragments(TestClient client) throws Exception {
        var r = NodeClient.run("ws-client.mjs", "echo", base(client));
        assertEquals("Echo: hello from node", r.get("text").asText());
        assertFalse(r.get("textIsBinary").asBoolean());
        assertEquals("[9,8,7]", r.get("binary").toString());
        assertTrue(r.get("binaryIsBinary").asBoolean());
        assertEquals("Echo: fragmented", r.get("fragmented").asText());
        assertEquals(1000, r.get("close").get("code").asInt());
    }

    @Test
    void fiveHundredConcurrentConnections(TestClient client) throws Exception {
        var r = NodeClient.run("ws-client.mjs", "concurrent", base(client));
        assertEquals(5000, r.get("echoed").asInt());
    }

    @Test
    void seesEveryServerCloseCode(TestClient client) throws Exception {
        var r = NodeClient.run("ws-client.mjs", "closeCodes", base(client));
        assertEquals(4000, r.get("byHandler").get("code").asInt());
        assertEquals("game over", r.get("byHandler").get("reason").asText());
        assertEquals(1000, r.get("byReturn").get("code").asInt());
        assertEquals(1011, r.get("byError").get("code").asInt());
        assertEquals(1009, r.get("tooBig").get("code").asInt());
    }

    @Test
    void isRefusedWithoutTokenOrFromAForeignOrigin(TestClient client) throws Exception {
        var r = NodeClient.run("ws-client.mjs", "rejected", base(client));
        assertEquals("status 401", r.get("noToken").asText());
        assertEquals("status 403", r.get("evilOrigin").asText());
        assertEquals("user ada", r.get("user").asText());
    }
}
