package dev.strand.demo;

import dev.strand.test.RedisServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strand.broadcast.Delivery;
import dev.strand.broadcast.Hub;
import dev.strand.test.StrandTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two demo instances sharing a real Redis share their chat rooms. */
class ChatAcrossInstancesTest {
    private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void aChatMessageFromAClientOnOneInstanceReachesAClientOnTheOther() throws Exception {
        try (var redis = RedisServer.start();
             var hubA = Hub.redis(redis.url());
             var hubB = Hub.redis(redis.url());
             var a = StrandTest.start(DemoApp.app(hubA));
             var b = StrandTest.start(DemoApp.app(hubB))) {
            awaitRelay(hubA);
            awaitRelay(hubB);
            var crossed = hubB.subscribe("across");
            try (var ada = a.client().ws("/ws/chat/across?name=ada")) {
                assertEquals("{\"type\":\"join\",\"user\":\"ada\",\"count\":1}", ada.receiveText());
                // Bob joins once ada's join has reached instance b, or (relayed late) it would reach him too.
                assertEquals(new Delivery.Message("{\"type\":\"join\",\"user\":\"ada\",\"count\":1}"), crossed.receive(RELAY_TIMEOUT));
                crossed.close();
                try (var bob = b.client().ws("/ws/chat/across?name=bob")) {
                    // Counts are per instance: bob is alone on his.
                    assertEquals("{\"type\":\"join\",\"user\":\"bob\",\"count\":1}", bob.receiveText());
                    assertEquals("{\"type\":\"join\",\"user\":\"bob\",\"count\":1}", ada.receiveText());

                    ada.send("hello from a");
                    assertEquals("{\"type\":\"chat\",\"user\":\"ada\",\"text\":\"hello from a\"}", bob.receiveText());
                    assertEquals("{\"type\":\"chat\",\"user\":\"ada\",\"text\":\"hello from a\"}", ada.receiveText());
                }
                assertEquals("{\"type\":\"leave\",\"user\":\"bob\",\"count\":0}", ada.receiveText());
            }
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
