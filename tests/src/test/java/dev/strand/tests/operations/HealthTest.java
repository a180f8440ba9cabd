package dev.strand.tests.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.annotation.Ws;
import dev.strand.broadcast.Hub;
import dev.strand.config.Operations;
import dev.strand.test.RedisServer;
import dev.strand.test.StrandTest;
import dev.strand.test.TestClient;
import dev.strand.test.TestResponse;
import dev.strand.websocket.WsClose;
import dev.strand.websocket.WsMessage;
import java.time.Duration;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Liveness and readiness over real sockets: during a graceful stop, a Redis outage and a failing app check. */
class HealthTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Long enough for a reconnect at the relay's longest backoff (5 s) plus the connection itself. */
    private static final Duration RECONNECT = Duration.ofSeconds(20);

    public static final class App {
        @Get("/hello")
        public String hello() {
            return "hello";
        }

        @Ws("/echo")
        public void echo(Context ctx) {
            for (WsMessage m; (m = ctx.receive()) != null; ) {
                if (m instanceof WsMessage.Text(var text)) ctx.sendText(text);
            }
        }
    }

    /** Asks for readiness, as a load balancer's probe does, until it answers {@code status}. */
    private static JsonNode awaitReady(TestClient client, int status, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        TestResponse last;
        while ((last = client.get("/health/ready")).status() != status) {
            if (System.nanoTime() - deadline > 0) fail("readiness did not answer " + status + " within " + limit + "; last: " + last);
            Thread.sleep(10);
        }
        assertEquals("application/json", last.header("Content-Type").split(";")[0]);
        return last.json();
    }

    @Test
    void readinessAndLivenessAnswerJsonWhileServing() throws Exception {
        StrandTest.run(Strand.builder().controllers(new App()).configure(c -> c.operations(Operations.ON)), (server, client) -> {
            var ready = client.get("/health/ready");
            assertEquals(200, ready.status());
            assertEquals("UP", ready.json().get("status").asText());
            assertEquals("UP", ready.json().get("checks").get("server").asText());
            assertEquals("no-store", ready.header("Cache-Control"));
            var live = client.get("/health/live");
            assertEquals(200, live.status());
            assertEquals("UP", live.json().get("status").asText());
            assertEquals(405, client.post("/health/ready", "").status(), "GET only");
        });
    }

    @Test
    void theEndpointsAreOffByDefault() throws Exception {
        StrandTest.run(Strand.builder().controllers(new App()), (server, client) -> {
            assertEquals(404, client.get("/health/ready").status());
            assertEquals(404, client.get("/health/live").status());
            assertEquals(404, client.get("/metrics").status());
        });
    }

    @Test
    void readinessTurns503AsSoonAsAStopBeginsWhileSocketsStillWork() throws Exception {
        var app = StrandTest.start(Strand.builder().controllers(new App())
                .configure(c -> c.operations(Operations.ON.withDrainTime(Duration.ofSeconds(5)))));
        var client = app.client();
        try (var ws = client.ws("/echo")) {
            assertEquals(200, client.get("/health/ready").status());

            // A thread of its own: the stop sleeps through the drain, and a pool thread doing that
            // could hold up the HTTP client's own tasks in the common pool.
            var stopped = new FutureTask<Void>(app.server()::stop, null);
            Thread.ofPlatform().name("stopper").start(stopped);
            var ready = awaitReady(client, 503, WAIT);
            assertEquals("DOWN", ready.get("status").asText());
            assertEquals("DOWN", ready.get("checks").get("server").asText());

            // The drain has begun: the load balancer sees 503, yet the open socket and new requests are still served.
            ws.send("still here");
            assertEquals("still here", ws.receiveText());
            assertEquals("hello", client.get("/hello").body());
            assertEquals(200, client.get("/health/live").status(), "alive while draining: not a reason to restart");

            stopped.get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
            assertEquals(WsClose.GOING_AWAY, ws.awaitClose().code(), "1001 only after the drain");
        } finally {
            app.close();
        }
    }

    @Test
    void readinessFollowsTheRedisRelayAndTheAppsOwnChecks() throws Exception {
        var databaseUp = new AtomicBoolean(true);
        try (var redis = RedisServer.start();
             var hub = Hub.builder().redis(redis.url()).heartbeat(Duration.ofMillis(500)).build()) {
            var builder = Strand.builder().controllers(new App()).hub("rooms", hub)
                    .healthCheck("database", databaseUp::get)
                    .configure(c -> c.operations(Operations.ON));
            StrandTest.run(builder, (server, client) -> {
                var up = awaitReady(client, 200, RECONNECT);
                assertEquals("UP", up.get("checks").get("redis:rooms").asText());
                assertEquals("UP", up.get("checks").get("database").asText());
                assertEquals(1, Scrape.of(client, "/metrics").value("strand_broadcast_relay_up"));

                redis.kill();
                var down = awaitReady(client, 503, RECONNECT);
                assertEquals("DOWN", down.get("checks").get("redis:rooms").asText());
                assertEquals("UP", down.get("checks").get("server").asText());
                assertEquals(0, Scrape.of(client, "/metrics").value("strand_broadcast_relay_up"));

                redis.restart();
                awaitReady(client, 200, RECONNECT);
                var scrape = Scrape.of(client, "/metrics");
                assertEquals(1, scrape.value("strand_broadcast_relay_up"));
                assertEquals(1, scrape.value("strand_broadcast_relay_reconnects_total"));

                databaseUp.set(false);
                var noDatabase = client.get("/health/ready");
                assertEquals(503, noDatabase.status());
                assertEquals("DOWN", noDatabase.json().get("checks").get("database").asText());
                assertEquals("UP", noDatabase.json().get("checks").get("redis:rooms").asText());
            });
        }
    }

    @Test
    void aCheckThatThrowsCountsAsDownWithoutShowingTheException() throws Exception {
        var builder = Strand.builder().controllers(new App())
                .healthCheck("flaky", () -> {
                    throw new IllegalStateException("secret connection string");
                })
                .configure(c -> c.operations(o -> o.withHealth(true)));
        StrandTest.run(builder, (server, client) -> {
            var r = client.get("/health/ready");
            assertEquals(503, r.status());
            assertEquals("DOWN", r.json().get("checks").get("flaky").asText());
            assertTrue(!r.body().contains("secret"), r.body());
        });
    }

    @Test
    void aSecondCheckOfTheSameNameIsRefused() {
        var builder = Strand.builder().healthCheck("db", () -> true);
        var e = assertThrows(IllegalArgumentException.class, () -> builder.healthCheck("db", () -> true));
        assertEquals("a health check named 'db' was added already", e.getMessage());
    }
}
