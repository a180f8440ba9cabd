package dev.strand.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strand.test.StrandExtension;
import dev.strand.test.StrandTest;
import dev.strand.test.TestClient;
import dev.strand.test.WsTestClient;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WhiteboardTest {
    private static final String LINE = "{\"type\":\"stroke\",\"color\":\"#1D4ED8\",\"width\":4,\"points\":[10,20,30.4,40,50,60]}";
    private static final String LINE_OUT = "{\"type\":\"stroke\",\"color\":\"#1d4ed8\",\"width\":4,\"points\":[10,20,30,40,50,60]}";

    @RegisterExtension
    static final StrandExtension demo = new StrandExtension(DemoApp::app);

    @Test
    void aStrokeReachesTheOtherPagesOfTheBoardButNotTheDrawer(TestClient client) {
        try (var ada = join(client, "shared", 1);
             var bob = join(client, "shared", 2, ada);
             var eve = join(client, "elsewhere", 1)) {
            ada.send(LINE);
            assertEquals(LINE_OUT, bob.receiveText());
            // The drawer's next message is the answer to its next one: its own stroke never came back.
            assertError(ada, "{\"type\":\"nonsense\"}", "'type' is \"stroke\" or \"clear\"");
            // A publish fills every subscriber's buffer before it returns, so had the stroke
            // reached another board it would be ahead of eve's own clear.
            eve.send("{\"type\":\"clear\"}");
            assertEquals("{\"type\":\"clear\"}", eve.receiveText());
        }
    }

    @Test
    void aPageThatJoinsLateGetsTheBoardSoFar(TestClient client) {
        try (var ada = join(client, "late", 1);
             var bob = join(client, "late", 2, ada)) {
            ada.send(LINE);
            ada.send(LINE.replace("#1D4ED8", "#ff0000"));
            assertEquals(LINE_OUT, bob.receiveText());
            bob.receiveText();
            try (var late = client.ws("/ws/whiteboard/late")) {
                var replay = Json.parse(late.receiveText());
                assertEquals("replay", replay.get("type").asText());
                assertEquals("[" + LINE_OUT + "," + LINE_OUT.replace("#1d4ed8", "#ff0000") + "]", replay.get("strokes").toString());
            }
        }
    }

    @Test
    void clearWipesTheBoardForEveryoneAndForLaterPages(TestClient client) {
        try (var ada = join(client, "wiped", 1);
             var bob = join(client, "wiped", 2, ada)) {
            ada.send(LINE);
            bob.receiveText();
            bob.send("{\"type\":\"clear\"}");
            assertEquals("{\"type\":\"clear\"}", ada.receiveText());
            assertEquals("{\"type\":\"clear\"}", bob.receiveText());
            try (var late = client.ws("/ws/whiteboard/wiped")) {
                assertEquals("{\"type\":\"replay\",\"strokes\":[]}", late.receiveText());
            }
        }
    }

    @Test
    void aMessageThePageGotWrongGetsAnErrorAndTheSocketStaysOpen(TestClient client) {
        try (var ada = join(client, "errors", 1)) {
            assertError(ada, "not json", "whiteboard messages are JSON objects, e.g. {\"type\":\"clear\"}");
            assertError(ada, "[1,2]", "whiteboard messages are JSON objects, e.g. {\"type\":\"clear\"}");
            assertError(ada, "{\"type\":\"erase\"}", "'type' is \"stroke\" or \"clear\"");
            assertError(ada, LINE.replace("#1D4ED8", "red"), "a stroke's color is #rrggbb");
            assertError(ada, LINE.replace("\"width\":4", "\"width\":400"), "a stroke's width is a number from 1 to 40");
            assertError(ada, LINE.replace("[10,20,30.4,40,50,60]", "[10,20,30]"), "a stroke's points are [x0, y0, x1, y1, ...]: 1 to 500 points");
            assertError(ada, LINE.replace("[10,20,30.4,40,50,60]", "[10,1001]"), "points lie on the board: x from 0 to 1600, y from 0 to 1000");
            assertError(ada, LINE.replace("[10,20,30.4,40,50,60]", "[\"10\",20]"), "points lie on the board: x from 0 to 1600, y from 0 to 1000");
            ada.send(new byte[] {1});
            assertEquals("{\"type\":\"error\",\"message\":\"whiteboard messages are JSON text\"}", ada.receiveText());
            ada.send("{\"type\":\"clear\"}");
            assertEquals("{\"type\":\"clear\"}", ada.receiveText());
        }
    }

    /** On a demo of its own, as it fills every place. */
    @Test
    void aNewBoardWhileEveryBoardIsOpenGetsAnErrorAndACloseToTryLater() throws Exception {
        StrandTest.run(DemoApp.app(), (server, client) -> {
            var open = new ArrayList<WsTestClient>();
            try {
                for (int i = 0; i < Boards.MAX_BOARDS; i++) open.add(join(client, "full-" + i, 1));
                try (var refused = client.ws("/ws/whiteboard/one-too-many")) {
                    assertEquals("{\"type\":\"error\",\"message\":\"all 32 whiteboards are in use; try again later\"}", refused.receiveText());
                    var close = refused.awaitClose();
                    assertEquals(1013, close.code());
                    assertEquals("too many whiteboards", close.reason());
                }
            } finally {
                open.forEach(WsTestClient::close);
            }
        });
    }

    @Test
    void aBadBoardNameIsRefusedBeforeTheUpgrade(TestClient client) {
        assertEquals(400, client.wsRejected("/ws/whiteboard/a%2Fb").status());
    }

    private static void assertError(WsTestClient ws, String sent, String message) {
        ws.send(sent);
        var error = Json.parse(ws.receiveText());
        assertEquals("error", error.get("type").asText(), error.toString());
        assertEquals(message, error.get("message").asText());
    }

    /**
     * Opens a page of an empty board and reads its replay and its presence; the pages already
     * there read the new count too, so every page starts with nothing left to read.
     */
    private static WsTestClient join(TestClient client, String board, int count, WsTestClient... there) {
        var page = client.ws("/ws/whiteboard/" + board);
        assertEquals("{\"type\":\"replay\",\"strokes\":[]}", page.receiveText());
        var presence = "{\"type\":\"presence\",\"count\":" + count + "}";
        assertEquals(presence, page.receiveText());
        for (var other : there) assertEquals(presence, other.receiveText());
        return page;
    }
}
