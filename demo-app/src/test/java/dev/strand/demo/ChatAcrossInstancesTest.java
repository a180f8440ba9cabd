package dev.strand.demo;

import dev.strand.test.RedisServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strand.broadcast.Hub;
import dev.strand.broadcast.MessageId;
import dev.strand.test.StrandTest;
import dev.strand.test.StrandTest.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** Two demo instances sharing a real Redis share their chat rooms. */
class ChatAcrossInstancesTest {
    private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void aChatMessageFromAClientOnOneInstanceReachesAClientOnTheOtherAndBothListTheSameMembers() throws Exception {
        try (var redis = RedisServer.start(); var instances = new Instances(redis)) {
            var a = instances.a();
            var b = instances.b();
            try (var ada = a.client().ws("/ws/chat/across?name=ada")) {
                assertEquals("{\"type\":\"join\",\"user\":\"ada\",\"count\":1}", ada.receiveText());
                awaitMembers(b, "[\"ada\"]");
                try (var bob = b.client().ws("/ws/chat/across?name=bob")) {
                    // Counts are the room's, on every instance.
                    assertEquals("{\"type\":\"join\",\"user\":\"bob\",\"count\":2}", bob.receiveText());
                    assertEquals("{\"type\":\"join\",\"user\":\"bob\",\"count\":2}", ada.receiveText());
                    awaitMembers(a, "[\"ada\",\"bob\"]");
                    awaitMembers(b, "[\"ada\",\"bob\"]");

                    ada.send("hello from a");
                    assertEquals("{\"type\":\"chat\",\"user\":\"ada\",\"text\":\"hello from a\"}", bob.receiveText());
                    assertEquals("{\"type\":\"chat\",\"user\":\"ada\",\"text\":\"hello from a\"}", ada.receiveText());
                }
                assertEquals("{\"type\":\"leave\",\"user\":\"bob\",\"count\":1}", ada.receiveText());
                awaitMembers(a, "[\"ada\"]");
            }
        }
    }

    @Test
    void aMemberWhoDropsFromOneInstanceGetsWhatWasSaidMeanwhileOnTheOther() throws Exception {
        try (var redis = RedisServer.start(); var instances = new Instances(redis)) {
            var a = instances.a();
            var b = instances.b();
            String lastId;
            try (var ada = a.client().ws("/ws/chat/resume?name=ada&lastEventId=")) {
                var join = ada.receiveText();
                assertTrue(join.startsWith("\u001e"), join);
                lastId = join.substring(1, join.indexOf('\n'));
            }
            try (var bob = b.client().ws("/ws/chat/resume?name=bob")) {
                bob.send("while you were away");
                // ada's leave may come before or after bob's own join; the chat comes after both
                while (!bob.receiveText().contains("while you were away")) {
                    // joins and leaves
                }
            }
            try (var ada = b.client().ws("/ws/chat/resume?name=ada&lastEventId=" + lastId)) {
                // what was said while ada was away, then (live) her own join: each once, in id order
                var missed = new ArrayList<String>();
                var previous = MessageId.valueOf(lastId);
                while (missed.isEmpty() || !missed.getLast().startsWith("{\"type\":\"join\",\"user\":\"ada\"")) {
                    var frame = ada.receiveText();
                    var id = MessageId.valueOf(frame.substring(1, frame.indexOf('\n')));
                    assertTrue(id.compareTo(previous) > 0, id + " after " + previous);
                    previous = id;
                    missed.add(frame.substring(frame.indexOf('\n') + 1));
                }
                assertEquals(1, missed.stream().filter(m -> m.equals("{\"type\":\"chat\",\"user\":\"bob\",\"text\":\"while you were away\"}")).count(), missed.toString());
                assertTrue(missed.contains("{\"type\":\"join\",\"user\":\"bob\",\"count\":1}") || missed.contains("{\"type\":\"join\",\"user\":\"bob\",\"count\":2}"), missed.toString());
            }
        }
    }

    /** Two demo instances on one Redis, each with its hub, up and relaying; closed together. */
    private record Instances(Hub hubA, Hub hubB, TestApp a, TestApp b) implements AutoCloseable {
        Instances(RedisServer redis) throws InterruptedException {
            this(DemoApp.rooms(redis.url()), DemoApp.rooms(redis.url()));
        }

        private Instances(Hub hubA, Hub hubB) throws InterruptedException {
            this(hubA, hubB, StrandTest.start(DemoApp.app(hubA)), StrandTest.start(DemoApp.app(hubB)));
            awaitRelay(hubA);
            awaitRelay(hubB);
        }

        @Override
        public void close() {
            a.close();
            b.close();
            hubA.close();
            hubB.close();
        }
    }

    /** Waits until the instance lists exactly these members (JSON array) in the room. */
    private static void awaitMembers(TestApp server, String users) throws InterruptedException {
        long deadline = System.nanoTime() + RELAY_TIMEOUT.toNanos();
        while (!server.client().get("/api/chat/" + "across").body().contains("\"users\":" + users)) {
            if (System.nanoTime() - deadline > 0) fail("the room did not list " + users + " within " + RELAY_TIMEOUT);
            Thread.sleep(20);
        }
    }

    /** Waits until the hub's relay has both Redis connections up, so what is published now crosses. */
    private static void awaitRelay(Hub hub) throws InterruptedException {
        long deadline = System.nanoTime() + RELAY_TIMEOUT.toNanos();
        while (!hub.relayUp()) {
            if (System.nanoTime() - deadline > 0) fail("the Redis relay did not come up within " + RELAY_TIMEOUT);
            Thread.sleep(20);
        }
    }
}
