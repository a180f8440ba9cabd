package dev.strand.tests.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.QueryParam;
import dev.strand.annotation.Ws;
import dev.strand.broadcast.Hub;
import dev.strand.broadcast.PresenceChange;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import dev.strand.tests.Await;
import dev.strand.websocket.WsMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Presence in one process: keys shared by connections, diffs, and untracking on every way a connection ends. */
class PresenceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Hub HUB = Hub.inProcess();

    public static final class Rooms {
        @Ws("/rooms/{room}")
        public void room(Context ctx, @PathParam String room, @QueryParam String name) {
            HUB.presence().track(ctx, room, name, "{\"name\":\"" + name + "\"}");
            while (ctx.receive() instanceof WsMessage) {
                // present until the socket ends
            }
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Rooms()));

    @AfterAll
    static void closeHub() {
        HUB.close();
    }

    @Test
    void aKeyIsPresentWhileAnyOfItsConnectionsIsAndWatchersSeeOneJoinAndOneLeave() throws Exception {
        var presence = HUB.presence();
        var changes = new CopyOnWriteArrayList<PresenceChange>();
        try (var watching = presence.watch("lobby", changes::add)) {
            var tab1 = presence.track("lobby", "ada", "tab 1");
            var tab2 = presence.track("lobby", "ada", "tab 2");
            var bob = presence.track("lobby", "bob", "");
            assertEquals(Map.of("ada", "tab 1", "bob", ""), presence.members("lobby"));

            tab1.close();
            assertEquals(List.of("ada", "bob"), List.copyOf(presence.members("lobby").keySet()), "ada still has a tab");
            tab2.close();
            tab2.close();
            bob.close();
            assertEquals(Map.of(), presence.members("lobby"));
        }
        assertEquals(List.of(new PresenceChange.Joined("lobby", "ada", "tab 1"), new PresenceChange.Joined("lobby", "bob", ""),
                new PresenceChange.Left("lobby", "ada"), new PresenceChange.Left("lobby", "bob")), changes);
    }

    @Test
    void aConnectionIsUntrackedWhenItClosesOrDrops(TestClient client) throws Exception {
        var presence = HUB.presence();
        var closing = client.ws("/rooms/tea?name=ada");
        var dropping = client.ws("/rooms/tea?name=bob");
        Await.until("both present", WAIT, () -> presence.members("tea").size() == 2);

        closing.close();
        Await.until("the closed one left", WAIT, () -> presence.members("tea").keySet().equals(java.util.Set.of("bob")));
        dropping.socket().abort();
        Await.until("the dropped one left", WAIT, () -> presence.members("tea").isEmpty());
    }

    @Test
    void metadataIsSmall() {
        assertThrows(IllegalArgumentException.class, () -> HUB.presence().track("big", "k", "x".repeat(5_000)));
        assertEquals(Map.of(), HUB.presence().members("big"));
    }
}
