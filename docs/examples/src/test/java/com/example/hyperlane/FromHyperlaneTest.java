package com.example.hyperlane;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FromHyperlaneTest {
    @RegisterExtension
    static final StrandExtension app = new StrandExtension(FromHyperlane::server);

    @Test
    void theChatLoopWelcomesThenEchoes(TestClient client) {
        try (var ws = client.ws("/chat")) {
            assertEquals("Welcome to chat, client: 127.0.0.1", ws.receiveText());
            ws.send("hi");
            assertEquals("Echo: hi", ws.receiveText());
        }
    }

    @Test
    void typedMessagesMatchTextAndBinary(TestClient client) {
        try (var ws = client.ws("/typed")) {
            ws.send("x");
            assertEquals("Received: x", ws.receiveText());
            ws.send(new byte[] {1, 2});
            assertArrayEquals(new byte[] {1, 2}, ws.receiveBinary());
        }
    }

    @Test
    void dataStreamsJsonPoints(TestClient client) throws Exception {
        try (var ws = client.ws("/data?count=3&everyMs=1")) {
            assertEquals("Connected to real-time data stream", ws.receiveText());
            for (int i = 0; i < 3; i++) {
                assertEquals(i, new ObjectMapper().readTree(ws.receiveText()).get("sequence").asInt());
            }
            assertEquals(1000, ws.awaitClose().code());
        }
    }

    @Test
    void rawSseWritesReachTheClientAsEvents(TestClient client) {
        try (var sse = client.sse("/sse")) {
            for (int i = 0; i < 10; i++) assertEquals(String.valueOf(i), sse.next().data());
            sse.awaitEnd();
        }
        try (var post = client.sseRequest("POST", "/sse", "new message")) {
            var event = post.next();
            assertEquals("update", event.event());
            assertEquals("new message", event.data());
        }
    }

    @Test
    void aHubTopicIsABroadcastChannel() throws Exception {
        assertEquals("Received: hello", FromHyperlane.broadcastOnce());
    }
}
