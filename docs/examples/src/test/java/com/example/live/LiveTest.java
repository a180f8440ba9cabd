package com.example.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.test.StrandTest;
import dev.strand.test.TestClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each test starts its own app, so each starts from an empty log. */
class LiveTest {

    private static void post(TestClient client, String sensor, double celsius) {
        assertEquals(201, client.postJson("/readings", Map.of("sensor", sensor, "celsius", celsius)).status());
    }

    // #region sse
    @Test
    void aReconnectResumesAfterTheLastEventId() throws Exception {
        StrandTest.run(LiveApp.app(), (server, client) -> {
            post(client, "kitchen", 21.0);
            post(client, "garage", 9.5);
            String seen;
            try (var first = client.sse("/readings/stream")) {
                var kitchen = first.next();                          // everything kept, oldest first
                assertEquals("reading", kitchen.event());
                assertEquals("{\"sensor\":\"kitchen\",\"celsius\":21.0}", kitchen.data());
                seen = kitchen.id();
            }                                                        // the connection drops here

            post(client, "attic", 30.0);
            // What a browser does when it reconnects: send the last id it saw.
            try (var again = client.sse("/readings/stream", "Last-Event-ID", seen)) {
                assertTrue(again.next().data().contains("garage"));   // missed while away...
                assertTrue(again.next().data().contains("attic"));
                post(client, "cellar", 12.0);
                assertTrue(again.next().data().contains("cellar"));   // ...then live
            }
        });
    }
    // #endregion sse

    @Test
    void theStreamOpensAtOnceAndAsksForQuickReconnects() throws Exception {
        StrandTest.run(LiveApp.app(), (server, client) -> {
            // Read the wire as it is: the first write comes before any reading exists.
            var request = HttpRequest.newBuilder(client.uri("/readings/stream")).timeout(client.timeout()).build();
            var response = client.http().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .get(client.timeout().toSeconds(), TimeUnit.SECONDS);
            try (var lines = response.body()) {
                assertEquals("text/event-stream; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
                assertEquals(List.of(": readings", "retry: 2000", ""), lines.limit(3).toList());
            }
        });
    }

    @Test
    void anIdFromAnotherRunStartsOver() throws Exception {
        StrandTest.run(LiveApp.app(), (server, client) -> {
            post(client, "kitchen", 21.0);
            try (var stream = client.sse("/readings/stream", "Last-Event-ID", "oldrun-7")) {
                assertTrue(stream.next().data().contains("kitchen"));
            }
        });
    }

    @Test
    void everyOpenStreamGetsEveryReading() throws Exception {
        StrandTest.run(LiveApp.app(), (server, client) -> {
            try (var one = client.sse("/readings/stream"); var two = client.sse("/readings/stream")) {
                post(client, "porch", 4.0);
                assertEquals(one.next().data(), two.next().data());
            }
        });
    }

    @Test
    void refusesBadReadingsAndServesTheDashboard() throws Exception {
        StrandTest.run(LiveApp.app(), (server, client) -> {
            assertEquals(422, client.postJson("/readings", Map.of("celsius", 1.0)).status());
            assertTrue(client.get("/").body().contains("Strand.events('/readings/stream')"));
        });
    }
}
