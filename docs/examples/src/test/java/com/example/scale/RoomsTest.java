package com.example.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strand.Strand;
import dev.strand.broadcast.Hub;
import dev.strand.test.RedisServer;
import dev.strand.test.StrandTest;
import dev.strand.test.StrandTest.TestApp;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RoomsTest {
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    private static Strand.Builder app(Hub hub) {
        return Strand.builder().controllers(new Rooms(hub));
    }

    @Test
    void bothInstancesListEveryMember() throws Exception {
        try (var hubA = Rooms.hub(redis.url()); var hubB = Rooms.hub(redis.url());
             var a = StrandTest.start(app(hubA)); var b = StrandTest.start(app(hubB));
             var ada = a.client().ws("/rooms/lobby?name=ada"); var bob = b.client().ws("/rooms/lobby?name=bob")) {
            awaitMembers(a, "[\"ada\",\"bob\"]");
            awaitMembers(b, "[\"ada\",\"bob\"]");
            bob.close();
            awaitMembers(a, "[\"ada\"]");
        }
    }

    @Test
    void anEventStreamResumesOnTheOtherInstanceWithWhatItMissed() throws Exception {
        try (var hubA = Rooms.hub(redis.url()); var hubB = Rooms.hub(redis.url());
             var a = StrandTest.start(app(hubA)); var b = StrandTest.start(app(hubB))) {
            awaitUp(hubA, hubB);
            String lastSeen;
            try (var events = a.client().sse("/rooms/news/events")) {
                await(() -> hubA.subscriberCount("room:news") == 1);   // the handler has joined the room
                hubA.publish("room:news", "first");
                lastSeen = events.next().id();
            }
            hubB.publish("room:news", "second");                   // while the client is away
            try (var events = b.client().sse("/rooms/news/events", "Last-Event-ID", lastSeen)) {
                assertEquals("second", events.next().data());      // replayed from the stream in Redis
            }
            try (var refused = b.client().sse("/rooms/news/events", "Last-Event-ID", "yesterday")) {
                assertEquals(400, refused.status());
            }
        }
    }

    private static void awaitMembers(TestApp app, String members) throws InterruptedException {
        await(() -> app.client().get("/rooms/lobby/members").body().equals(members));
    }

    private static void awaitUp(Hub... hubs) throws InterruptedException {
        for (var hub : hubs) await(hub::relayUp);
    }

    /** Polls for at most 10 s. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("not within 10 s");
            Thread.sleep(20);
        }
    }
}
