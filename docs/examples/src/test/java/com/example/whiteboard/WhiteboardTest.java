package com.example.whiteboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strand.broadcast.Hub;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WhiteboardTest {
    private static final String RED = "{\"type\":\"stroke\",\"color\":\"#ff0000\",\"width\":3.0,\"points\":[[1.0,2.0],[3.0,4.0]]}";
    private static final String BLUE = "{\"type\":\"stroke\",\"color\":\"#0000ff\",\"width\":5.0,\"points\":[[9.0,9.0]]}";

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> WhiteboardApp.app(Hub.inProcess()));

    @Test
    void othersSeeAStrokeAndTheDrawerDoesNotGetItBack(TestClient client) {
        try (var ada = client.ws("/boards/one"); var bob = client.ws("/boards/one")) {
            ada.send(RED);
            assertEquals(RED, bob.receiveText());
            ada.expectNothing(Duration.ofMillis(300));
        }
    }

    @Test
    void aNewcomerGetsTheDrawingSoFarThenWhatFollows(TestClient client) {
        try (var ada = client.ws("/boards/two"); var watcher = client.ws("/boards/two")) {
            ada.send(RED).send(BLUE);
            assertEquals(RED, watcher.receiveText());
            assertEquals(BLUE, watcher.receiveText());               // both are on the board now
            try (var late = client.ws("/boards/two")) {
                assertEquals(RED, late.receiveText());
                assertEquals(BLUE, late.receiveText());
                ada.send("{\"type\":\"clear\"}");
                assertEquals("{\"type\":\"clear\"}", late.receiveText());
            }
            try (var later = client.ws("/boards/two")) {
                later.expectNothing(Duration.ofMillis(300));           // cleared: nothing to catch up on
            }
        }
    }

    @Test
    void aBadActionClosesTheSocketWithTheAppsCode(TestClient client) {
        try (var ws = client.ws("/boards/three")) {
            ws.send("{\"type\":\"stroke\",\"color\":\"red\",\"width\":3,\"points\":[[1,2]]}");
            var close = ws.awaitClose();
            assertEquals(BoardSocket.BAD_ACTION, close.code());
            assertEquals("color is not #rrggbb", close.reason());
        }
        try (var ws = client.ws("/boards/three")) {
            ws.send("not json");
            assertEquals("not an action", ws.awaitClose().reason());
        }
    }
}
