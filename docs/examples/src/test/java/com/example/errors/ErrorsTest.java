package com.example.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import dev.strand.websocket.WsClose;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ErrorsTest {
    @RegisterExtension
    static final StrandExtension app = new StrandExtension(ErrorsApp::app);

    @Test
    void mappedExceptionsAnswerWithTheAppsOwnBody(TestClient client) {
        var missing = client.get("/orders/7");
        assertEquals(404, missing.status());
        assertEquals(new ErrorsApp.Problem("not found", "No order 7"), missing.json(ErrorsApp.Problem.class));
        var invalid = client.postJson("/orders", Map.of("id", 2, "item", "tea", "quantity", 0));
        assertEquals(422, invalid.status());
        assertEquals("quantity must be at least 1", invalid.json().get("detail").asText());
    }

    @Test
    void httpExceptionsAndBadJsonAnswerTheirStatus(TestClient client) {
        var conflict = client.get("/orders/1/invoice", "Accept", "application/json");
        assertEquals(409, conflict.status());
        assertEquals("{\"error\":\"Order 1 is not paid yet\",\"status\":409}", conflict.body());
        assertEquals("Order 1 is not paid yet\n", client.get("/orders/1/invoice").body());   // text unless JSON is accepted
        var badJson = client.post("/orders", "{\"quantity\": two}", "Content-Type", "application/json");
        assertEquals(400, badJson.status());
    }

    @Test
    void unexpectedExceptionsAre500WithAnIdAndNoDetails(TestClient client) {
        var failed = client.get("/orders/report");
        assertEquals(500, failed.status());
        assertTrue(failed.body().startsWith("Internal Server Error (error id "), failed.body());
        assertFalse(failed.body().contains("password"));
    }

    @Test
    void aWebSocketEndsWithTheCodeThatSaysWhy(TestClient client) {
        try (var ws = client.ws("/game")) {
            ws.send("e4");
            assertEquals("ok e4", ws.receiveText());
            ws.send("resign");
            assertEquals(new WsClose(4000, "game over"), ws.awaitClose());
        }
        try (var ws = client.ws("/game")) {
            ws.send("cheat");
            var close = ws.awaitClose();
            assertEquals(WsClose.SERVER_ERROR, close.code());
            assertFalse(close.reason().contains("corrupted"));
        }
        try (var ws = client.ws("/game")) {
            ws.send("x".repeat(2048));
            assertEquals(WsClose.TOO_BIG, ws.awaitClose().code());
        }
        try (var ws = client.ws("/game")) {
            ws.send("done");
            assertEquals(WsClose.NORMAL, ws.awaitClose().code());
        }
    }
}
