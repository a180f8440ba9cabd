package dev.strand.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChatTest {

    @RegisterExtension
    static final StrandExtension demo = new StrandExtension(DemoApp::app);

    @Test
    void everyoneInTheRoomHearsAJoinWithTheCountTheJoinerIncluded(TestClient client) {
        try (var ada = client.ws("/ws/chat/join-room?name=ada")) {
            assertEquals("{\"type\":\"join\",\"user\":\"ada\",\"count\":1}", ada.receiveText());
            try (var bob = client.ws("/ws/chat/join-room?name=bob")) {
                assertEquals("{\"type\":\"join\",\"user\":\"bob\",\"count\":2}", bob.receiveText());
                assertEquals("{\"type\":\"join\",\"user\":\"bob\",\"count\":2}", ada.receiveText());
            }
        }
    }

    @Test
    void aMessageReachesEveryMemberOfItsRoomAndNoOtherRoom(TestClient client) {
        // Each joins once the one before heard its own join: a handler subscribes after its
        // handshake, so a socket opened earlier could hear the previous member's join as well.
        try (var ada = client.ws("/ws/chat/one?name=ada")) {
            ada.receiveText();
            try (var bob = client.ws("/ws/chat/one?name=bob")) {
                bob.receiveText();
                ada.receiveText();
                try (var eve = client.ws("/ws/chat/other?name=eve")) {
                    eve.receiveText();

                    ada.send("hello, \"bob\"");
                    var said = "{\"type\":\"chat\",\"user\":\"ada\",\"text\":\"hello, \\\"bob\\\"\"}";
                    assertEquals(said, bob.receiveText());
                    assertEquals(said, ada.receiveText());
                    // A publish fills every subscriber's buffer before it returns, so had ada's message
                    // leaked into eve's room it would be in eve's buffer already, ahead of her own.
                    eve.send("anyone?");
                    assertEquals("{\"type\":\"chat\",\"user\":\"eve\",\"text\":\"anyone?\"}", eve.receiveText());
                }
            }
        }
    }

    @Test
    void theMembersLeftHearALeaveWithTheNewCount(TestClient client) {
        try (var ada = client.ws("/ws/chat/leave-room?name=ada")) {
            ada.receiveText();
            try (var bob = client.ws("/ws/chat/leave-room?name=bob")) {
                bob.receiveText();
                ada.receiveText();
            }
            assertEquals("{\"type\":\"leave\",\"user\":\"bob\",\"count\":1}", ada.receiveText());
        }
    }

    @Test
    void aMemberWithoutANameGetsAGuestName(TestClient client) {
        try (var guest = client.ws("/ws/chat/guests")) {
            var join = Json.parse(guest.receiveText());
            assertEquals("join", join.get("type").asText());
            assertTrue(join.get("user").asText().matches("guest-[0-9a-f]{4}"), join.toString());
        }
    }

    @Test
    void theRoomListsItsMembers(TestClient client) {
        try (var eve = client.ws("/ws/chat/listed?name=eve")) {
            eve.receiveText();
            try (var ada = client.ws("/ws/chat/listed?name=ada");
                 var bob = client.ws("/ws/chat/listed?name=Bob")) {
                ada.receiveText();
                bob.receiveText();
                var room = client.get("/api/chat/listed").json();
                assertEquals("{\"room\":\"listed\",\"count\":3,\"users\":[\"ada\",\"Bob\",\"eve\"]}", room.toString());
            }
            // The leaves are published once the members are gone from the list.
            for (int events = 0; events < 4; events++) eve.receiveText();
            assertEquals("{\"room\":\"listed\",\"count\":1,\"users\":[\"eve\"]}", client.get("/api/chat/listed").json().toString());
        }
    }

    @Test
    void aTooLongOrBinaryMessageGetsAnErrorBackAndGoesNowhere(TestClient client) {
        try (var ada = client.ws("/ws/chat/limits?name=ada")) {
            ada.receiveText();
            ada.send("x".repeat(ChatController.MAX_TEXT + 1));
            assertEquals("{\"type\":\"error\",\"message\":\"a message is at most 2000 characters\"}", ada.receiveText());
            ada.send(new byte[] {1, 2});
            assertEquals("{\"type\":\"error\",\"message\":\"chat messages are text\"}", ada.receiveText());
            ada.send("x".repeat(ChatController.MAX_TEXT));
            assertEquals("chat", Json.parse(ada.receiveText()).get("type").asText());
        }
    }

    @Test
    void badRoomAndUserNamesAreRefusedBeforeTheUpgrade(TestClient client) {
        var room = client.wsRejected("/ws/chat/no%20spaces");
        assertEquals(400, room.status());
        assertTrue(room.body().contains("'room' must be 1 to 64 letters"), room.body());
        assertEquals(400, client.wsRejected("/ws/chat/" + "r".repeat(65)).status());
        var name = client.wsRejected("/ws/chat/fine?name=" + "n".repeat(ValidNames.MAX_USER + 1));
        assertEquals(400, name.status());
        assertTrue(name.body().contains("'name' must be at most 32 characters"), name.body());
    }
}
