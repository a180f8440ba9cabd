package com.example.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.broadcast.Hub;
import dev.strand.test.RedisServer;
import dev.strand.test.StrandTest;
import dev.strand.test.TestClient;
import dev.strand.test.WsTestClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScaleOutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @Test
    void aMessageReachesTheRoomOnEveryInstance() throws Exception {
        try (var hubA = Hub.redis(redis.url()); var hubB = Hub.redis(redis.url());
             var a = StrandTest.start(ChatServer.app(hubA)); var b = StrandTest.start(ChatServer.app(hubB))) {
            awaitHealthy(a.client());
            awaitHealthy(b.client());
            try (var bob = b.client().ws("/chat/lobby?name=bob")) {
                next(bob);                                            // bob's own join, on B
                try (var ada = a.client().ws("/chat/lobby?name=ada")) {
                    assertEquals("ada", next(bob).get("name").asText());   // ada joined on A
                    ada.send("hello from A");
                    assertEquals("hello from A", next(bob).get("text").asText());
                }
            }
        }
    }

    @Test
    void healthSays503WhileRedisIsOutOfReach() throws Exception {
        try (var hub = Hub.redis("redis://127.0.0.1:1"); var app = StrandTest.start(ChatServer.app(hub))) {
            var health = app.client().get("/health");
            assertEquals(503, health.status());
            assertEquals(false, health.json().get("relayUp").asBoolean());
        }
    }

    /** Polls /health as a load balancer would, for at most 10 s: the relay connects in the background. */
    private static void awaitHealthy(TestClient client) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (client.get("/health").status() != 200) {
            if (System.nanoTime() > deadline) fail("the instance did not reach Redis within 10 s");
            Thread.sleep(20);
        }
    }

    private static JsonNode next(WsTestClient ws) throws Exception {
        return JSON.readTree(ws.receiveText());
    }
}
