package dev.strand.tests.apidoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strand.demo.DemoApp;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo's API descriptions, at their default paths, judged by the same tools as
 * {@link ApiDescriptionsTest} and held against what the demo really answers and sends: each HTTP
 * answer against its route's response schema, each WebSocket and SSE message against the payload
 * of the message the channel declares.
 */
class DemoApiDescriptionsTest {
    private static final String AUTH = "Bearer demo-token";

    @RegisterExtension
    static final StrandExtension demo = new StrandExtension(DemoApp::app);

    private static JsonNode openApi;
    private static JsonNode asyncApi;

    @BeforeAll
    static void fetch() {
        var client = demo.client();
        var open = client.get("/openapi.json");
        assertEquals(200, open.status());
        assertEquals(List.of(), ApiValidation.openApiMessages(open.body()));
        openApi = open.json();
        var async = client.get("/asyncapi.json");
        assertEquals(200, async.status());
        assertEquals(List.of(), ApiValidation.asyncApiErrors(async.body()));
        asyncApi = async.json();
    }

    @Test
    void everyHttpRouteIsDescribedAndNoStreamIs() {
        var paths = new ArrayList<String>();
        openApi.get("paths").fieldNames().forEachRemaining(paths::add);
        assertEquals(List.of("/api/chat/{room}", "/api/echo", "/api/poll", "/api/poll/{id}", "/api/poll/{id}/vote",
                "/api/secure/me", "/api/time", "/api/upload", "/hello/{name}"), paths);
    }

    @Test
    void httpAnswersMatchTheirSchemas(TestClient client) {
        assertEquals(List.of(), ApiValidation.answerErrors(openApi, "GET", "/api/time", 200, client.get("/api/time").body()));
        assertEquals(List.of(), ApiValidation.answerErrors(openApi, "GET", "/api/chat/{room}", 200, client.get("/api/chat/lobby").body()));
        assertEquals(List.of(), ApiValidation.answerErrors(openApi, "GET", "/api/poll/{id}", 200, client.get("/api/poll/schema").body()));
        var created = client.postJson("/api/poll", Map.of("question", "Lunch?", "options", List.of("Pizza", "Soup")));
        assertEquals(201, created.status());
        assertEquals(List.of(), ApiValidation.answerErrors(openApi, "POST", "/api/poll", 201, created.body()));
        var id = created.json().get("id").asText();
        var voted = client.postJson("/api/poll/" + id + "/vote", Map.of("option", "Soup"));
        assertEquals(List.of(), ApiValidation.answerErrors(openApi, "POST", "/api/poll/{id}/vote", 200, voted.body()));
        var bad = client.postJson("/api/poll", Map.of("question", ""), "Accept", "application/json");
        assertEquals(400, bad.status());
        assertEquals(List.of(), ApiValidation.answerErrors(openApi, "POST", "/api/poll", 400, bad.body()));
        assertEquals(List.of(), ApiValidation.answerErrors(openApi, "GET", "/api/secure/me", 200,
                client.get("/api/secure/me", "Authorization", AUTH).body()));
        var form = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nabc\r\n--b--\r\n";
        var uploaded = client.post("/api/upload", form, "Content-Type", "multipart/form-data; boundary=b");
        assertEquals(200, uploaded.status(), uploaded.body());
        assertEquals(List.of(), ApiValidation.answerErrors(openApi, "POST", "/api/upload", 200, uploaded.body()));
    }

    @Test
    void theChatChannelDescribesWhatItSendsAndReceives(TestClient client) {
        var chat = asyncApi.at("/channels/ChatController.chat");
        assertEquals("/ws/chat/{room}", chat.get("address").asText());
        assertTrue(chat.at("/bindings/ws/query/properties").has("name"));
        assertEquals(List.of("ChatEvent", "WsError", "text"), names(chat.get("messages")));
        assertEquals("send", asyncApi.at("/operations/ChatController.chat.send/action").asText());
        assertEquals("receive", asyncApi.at("/operations/ChatController.chat.receive/action").asText());
        try (var ws = client.ws("/ws/chat/docs?name=ada")) {
            assertEquals(List.of(), ApiValidation.messageErrors(asyncApi, "ChatController.chat", "ChatEvent", ws.receiveText()));
            ws.send("hello");
            assertEquals(List.of(), ApiValidation.messageErrors(asyncApi, "ChatController.chat", "ChatEvent", ws.receiveText()));
            ws.send("x".repeat(2001));
            assertEquals(List.of(), ApiValidation.messageErrors(asyncApi, "ChatController.chat", "WsError", ws.receiveText()));
        }
    }

    @Test
    void theWhiteboardChannelDescribesEveryMessage(TestClient client) {
        var board = asyncApi.at("/channels/WhiteboardController.board");
        assertEquals(List.of("WhiteboardController.Replay", "Stroke", "Drawing.Clear", "WhiteboardController.Presence", "WsError", "Drawing"),
                names(board.get("messages")));
        var channel = "WhiteboardController.board";
        try (var me = client.ws("/ws/whiteboard/docs")) {
            assertEquals(List.of(), ApiValidation.messageErrors(asyncApi, channel, "WhiteboardController.Replay", me.receiveText()));
            assertEquals(List.of(), ApiValidation.messageErrors(asyncApi, channel, "WhiteboardController.Presence", me.receiveText()));
            me.send("{\"type\":\"paint\"}");
            assertEquals(List.of(), ApiValidation.messageErrors(asyncApi, channel, "WsError", me.receiveText()));
            try (var other = client.ws("/ws/whiteboard/docs")) {
                other.receiveText(); // its replay
                assertEquals(List.of(), ApiValidation.messageErrors(asyncApi, channel, "WhiteboardController.Presence", me.receiveText()));
                var stroke = "{\"type\":\"stroke\",\"color\":\"#1d4ed8\",\"width\":4,\"points\":[1,2,3,4]}";
                assertEquals(List.of(), ApiValidation.messageErrors(asyncApi, channel, "Drawing", stroke));
                other.send(stroke);
                assertEquals(List.of(), ApiValidation.messageErrors(asyncApi, channel, "Stroke", me.receiveText()));
                other.send("{\"type\":\"clear\"}");
                assertEquals(List.of(), ApiValidation.messageErrors(asyncApi, channel, "Drawing.Clear", me.receiveText()));
            }
        }
    }

    @Test
    void thePollAndStocksStreamsNameTheirEvents(TestClient client) {
        assertEquals("results", asyncApi.at("/channels/PollController.watch/messages/results/name").asText());
        // quotes are unnamed events, so that their ids resume the stream; a resume too old for the history gets "gap"
        assertEquals("#/components/schemas/Quote", asyncApi.at("/channels/StreamController.stocks/messages/Quote/payload/$ref").asText());
        assertEquals("gap", asyncApi.at("/channels/StreamController.stocks/messages/gap/name").asText());
        try (var poll = client.sse("/sse/poll/docs")) {
            var event = poll.next();
            assertEquals("results", event.event());
            assertEquals(List.of(), ApiValidation.messageErrors(asyncApi, "PollController.watch", "results", event.data()));
        }
        try (var stocks = client.sse("/sse/stocks")) {
            var event = stocks.next();
            assertEquals(List.of(), ApiValidation.messageErrors(asyncApi, "StreamController.stocks", "Quote", event.data()));
        }
    }

    @Test
    void theSwaggerUiPageIsServed(TestClient client) {
        assertEquals(200, client.get("/swagger-ui").status());
        assertEquals(200, client.get("/swagger-ui/swagger-ui.css").status());
    }

    private static List<String> names(JsonNode object) {
        var names = new ArrayList<String>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
