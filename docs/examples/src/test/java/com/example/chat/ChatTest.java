package com.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.broadcast.Hub;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import dev.strand.test.WsTestClient;
import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> ChatApp.app(Hub.inProcess()));

    // #region ws
    @Test
    void everyoneInTheRoomHearsAMessage(TestClient client) {
        try (var ada = client.ws("/chat/tea?name=ada")) {
            assertEquals(List.of("ada"), online(next(ada)));                // ada's own join
            try (var bob = client.ws("/chat/tea?name=bob")) {
                assertEquals(List.of("ada", "bob"), online(next(bob)));
                assertEquals("bob", next(ada).get("name").asText());       // ada hears bob come in

                bob.send("hi ada");
                for (var member : List.of(ada, bob)) {                      // the sender hears it too
                    var said = next(member);
                    assertEquals("message", said.get("type").asText());
                    assertEquals("bob", said.get("from").asText());
                    assertEquals("hi ada", said.get("text").asText());
                }
            }
            var left = next(ada);                                           // bob closed his socket
            assertEquals("leave", left.get("type").asText());
            assertEquals(List.of("ada"), online(left));
        }
    }
    // #endregion ws

    @Test
    void roomsDoNotHearEachOther(TestClient client) {
        try (var ada = client.ws("/chat/north?name=ada"); var bob = client.ws("/chat/south?name=bob")) {
            next(ada);
            next(bob);
            bob.send("anyone?");
            assertEquals("anyone?", next(bob).get("text").asText());
            ada.expectNothing(Duration.ofMillis(300));
        }
    }

    @Test
    void servesThePageAndTheBrowserClient(TestClient client) {
        var page = client.get("/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Strand.socket("), "the page opens its socket with strand.js");
        assertEquals(200, client.get("/strand.js").status());
    }

    @Test
    void theTerminalClientChatsWithTheRoom(TestClient client) throws Exception {
        var heard = new LinkedBlockingQueue<String>();
        var typing = new PipedWriter();
        var typed = new BufferedReader(new PipedReader(typing));
        try (var ada = client.ws("/chat/terminal?name=ada")) {
            next(ada);
            var uri = client.wsUri("/chat/terminal?name=" + "bob");
            var terminal = Thread.ofVirtual().start(() -> {
                try {
                    ChatClient.chat(uri, typed, heard::add);
                } catch (Exception e) {
                    heard.add("failed: " + e);
                }
            });
            assertEquals("join", JSON.readTree(poll(heard)).get("type").asText());
            assertEquals("bob", next(ada).get("name").asText());

            typing.write("hello from a terminal\n");
            typing.flush();
            assertEquals("hello from a terminal", next(ada).get("text").asText());
            assertEquals("hello from a terminal", JSON.readTree(poll(heard)).get("text").asText());

            ada.send("welcome, bob");
            assertEquals("welcome, bob", next(ada).get("text").asText());
            assertEquals("welcome, bob", JSON.readTree(poll(heard)).get("text").asText());

            typing.close();                                                 // Ctrl+D
            assertTrue(terminal.join(Duration.ofSeconds(10)), "the terminal client ends with its input");
            assertEquals("leave", next(ada).get("type").asText());
        }
    }

    private static JsonNode next(WsTestClient ws) {
        try {
            return JSON.readTree(ws.receiveText());
        } catch (Exception e) {
            throw new AssertionError("not JSON", e);
        }
    }

    private static List<String> online(JsonNode presence) {
        assertFalse(presence.get("online").isNull());
        return JSON.convertValue(presence.get("online"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private static String poll(LinkedBlockingQueue<String> heard) throws InterruptedException {
        var line = heard.poll(10, TimeUnit.SECONDS);
        assertNotNull(line, "the terminal client showed nothing within 10 s");
        return line;
    }
}
