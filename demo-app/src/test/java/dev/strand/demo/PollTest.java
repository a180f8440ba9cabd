package dev.strand.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PollTest {

    @RegisterExtension
    static final StrandExtension demo = new StrandExtension(DemoApp::app);

    @Test
    void anyNameIsAPollAskingTheDefaultQuestionUntilVotesCome(TestClient client) {
        var r = client.get("/api/poll/fresh");
        assertEquals(200, r.status());
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals("{\"id\":\"fresh\",\"question\":\"Which demo do you like best?\",\"options\":[{\"name\":\"Chat\",\"votes\":0},"
                + "{\"name\":\"Whiteboard\",\"votes\":0},{\"name\":\"Live poll\",\"votes\":0},{\"name\":\"Stocks\",\"votes\":0}],"
                + "\"total\":0,\"version\":0}", r.body());
    }

    @Test
    void aVoteByNameOrIndexCountsAndAnswersTheNewResults(TestClient client) {
        var first = client.postJson("/api/poll/counted/vote", Map.of("option", "Stocks")).json();
        assertEquals(1, first.get("options").get(3).get("votes").asInt());
        var second = client.postJson("/api/poll/counted/vote", Map.of("option", 3)).json();
        assertEquals(2, second.get("options").get(3).get("votes").asInt());
        assertEquals(2, second.get("total").asInt());
        assertEquals(2, second.get("version").asInt());
        assertEquals(second, client.get("/api/poll/counted").json());
    }

    @Test
    void aBadVoteIsRefusedWith400SayingWhatToSend(TestClient client) {
        var unknown = client.postJson("/api/poll/strict/vote", Map.of("option", "Cobol"), "Accept", "application/json");
        assertEquals(400, unknown.status());
        assertEquals("'option' must be one of [Chat, Whiteboard, Live poll, Stocks], or its index from 0", unknown.json().get("error").asText());
        assertEquals(400, client.postJson("/api/poll/strict/vote", Map.of("option", 4)).status());
        assertEquals(400, client.postJson("/api/poll/strict/vote", Map.of("option", 1.5)).status());
        assertEquals(400, client.postJson("/api/poll/strict/vote", Map.of("choice", "Chat")).status());
        assertEquals(400, client.postJson("/api/poll/strict/vote", List.of("Chat")).status());
        var malformed = client.post("/api/poll/strict/vote", "{\"option\":", "Content-Type", "application/json");
        assertEquals(400, malformed.status());
        assertEquals(400, client.post("/api/poll/strict/vote", "null", "Content-Type", "application/json").status());
        assertEquals(400, client.post("/api/poll/strict/vote", "", "Content-Type", "application/json").status());
        assertEquals(400, client.post("/api/poll", "null", "Content-Type", "application/json").status());
        assertEquals(400, client.postJson("/api/poll/bad%20name/vote", Map.of("option", "Chat")).status());
        assertEquals(0, client.get("/api/poll/strict").json().get("total").asInt());
    }

    @Test
    void watchersGetTheResultsNowAndAfterEveryVote(TestClient client) {
        try (var ada = client.sse("/sse/poll/watched");
             var bob = client.sse("/sse/poll/watched")) {
            var now = ada.next();
            assertEquals("results", now.event());
            assertEquals(0, Json.parse(now.data()).get("total").asInt());
            bob.next();
            client.postJson("/api/poll/watched/vote", Map.of("option", "Chat"));
            for (var watcher : List.of(ada, bob)) {
                var results = Json.parse(watcher.next().data());
                assertEquals(1, results.get("options").get(0).get("votes").asInt());
                assertEquals(1, results.get("version").asInt());
            }
        }
    }

    @Test
    void aPollWithItsOwnQuestionGetsANewName(TestClient client) {
        var made = client.postJson("/api/poll", Map.of("question", " Tabs or spaces? ", "options", List.of("Tabs", "Spaces")));
        assertEquals(201, made.status());
        var id = made.json().get("id").asText();
        assertTrue(id.matches(ValidNames.PLACE.pattern()), id);
        assertEquals("Tabs or spaces?", client.get("/api/poll/" + id).json().get("question").asText());
        assertEquals(1, client.postJson("/api/poll/" + id + "/vote", Map.of("option", "Spaces")).json().get("total").asInt());
    }

    @Test
    void aNewPollNeedsAQuestionAndTwoToEightDifferentOptions(TestClient client) {
        assertEquals(400, client.postJson("/api/poll", Map.of("question", "", "options", List.of("a", "b"))).status());
        assertEquals(400, client.postJson("/api/poll", Map.of("question", "q", "options", List.of("a"))).status());
        assertEquals(400, client.postJson("/api/poll", Map.of("question", "q", "options", List.of("a", "a"))).status());
        assertEquals(400, client.postJson("/api/poll", Map.of("question", "q", "options", List.of("a", " "))).status());
        assertEquals(400, client.postJson("/api/poll", Map.of("question", "q", "options", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"))).status());
        var noOptions = client.postJson("/api/poll", Map.of("question", "q"), "Accept", "application/json");
        assertEquals(400, noOptions.status());
        assertEquals("'options' must be 2 to 8 different texts of 1 to 60 characters", noOptions.json().get("error").asText());
    }
}
