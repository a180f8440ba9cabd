package dev.strand.tests.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.broadcast.Delivery;
import dev.strand.broadcast.Hub;
import dev.strand.broadcast.MessageId;
import dev.strand.broadcast.Subscription;
import dev.strand.tests.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Topics with history across instances: Redis Streams give the ids and the order; resuming works on any instance. */
class RedisHistoryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private RedisHubs cluster;

    @BeforeEach
    void startRedis() throws Exception {
        cluster = RedisHubs.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        cluster.close();
    }

    private Hub hub(String instanceId, int historyCount) throws InterruptedException {
        return cluster.hub(instanceId, b -> b.history("room:*", historyCount, Duration.ofMinutes(5)).capacity(10_000));
    }

    private static Delivery.Message message(Subscription s) throws InterruptedException {
        return assertInstanceOf(Delivery.Message.class, s.receive(WAIT));
    }

    @Test
    void everyInstanceDeliversTheSameMessagesInTheSameOrderWithTheSameIds() throws Exception {
        var one = hub("one", 1_000);
        var two = hub("two", 1_000);
        var onOne = one.subscribe("room:a");
        var onTwo = two.subscribe("room:a");
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.submit(() -> { for (int i = 0; i < 200; i++) one.publish("room:a", "one-" + i); });
            pool.submit(() -> { for (int i = 0; i < 200; i++) two.publish("room:a", "two-" + i); });
        }
        MessageId previous = null;
        for (int i = 0; i < 400; i++) {
            var a = message(onOne);
            var b = message(onTwo);
            assertEquals(a, b, "message " + i);
            assertTrue(previous == null || previous.compareTo(a.id()) < 0, "ids increase");
            previous = a.id();
        }
        assertNull(onOne.poll());
    }

    @Test
    void aSubscriberThatDropsFromOneInstanceResumesOnTheOtherWithNothingLostOrDoubled() throws Exception {
        var one = hub("one", 1_000);
        var two = hub("two", 1_000);
        var first = one.subscribe("room:b");
        for (int i = 0; i < 5; i++) one.publish("room:b", "m" + i);
        MessageId last = null;
        for (int i = 0; i < 2; i++) last = message(first).id();
        first.close();

        var resumed = two.subscribe("room:b", last);
        two.publish("room:b", "m5");
        for (int i = 2; i <= 5; i++) assertEquals("m" + i, message(resumed).text());
        assertNull(resumed.receive(Duration.ofMillis(200)), "nothing twice");
    }

    @Test
    void clientsThatReconnectInALoopToAlternatingInstancesWhilePublishingGoesOnSeeEveryMessageOnceInOrder() throws Exception {
        var one = hub("one", 10_000);
        var two = hub("two", 10_000);
        int total = 3_000;
        var start = one.subscribe("room:loop");
        one.publish("room:loop", "start");
        var cursor = message(start).id();
        start.close();
        var publishing = new AtomicBoolean(true);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.submit(() -> {
                for (int i = 0; i < total; i++) (i % 2 == 0 ? one : two).publish("room:loop", Integer.toString(i));
                publishing.set(false);
            });
            // the two instances' messages interleave as Redis ordered them; each must come once, in id order
            var seen = new HashSet<String>();
            int round = 0;
            while (seen.size() < total) {
                try (var s = (round++ % 2 == 0 ? one : two).subscribe("room:loop", cursor)) {
                    for (int n = 0; n < 50 && seen.size() < total; n++) {
                        var m = message(s);
                        assertTrue(m.id().compareTo(cursor) > 0, "round " + round + ": " + m.id() + " after " + cursor);
                        assertTrue(seen.add(m.text()), "round " + round + ": " + m.text() + " twice");
                        cursor = m.id();
                    }
                }
            }
            assertTrue(round > 10, "reconnected " + round + " times");
        }
    }

    @Test
    void resumingAfterAnIdTrimmedFromTheStreamIsAGapThenTheHistory() throws Exception {
        var one = hub("one", 3);
        var live = one.subscribe("room:c");
        for (int i = 0; i < 300; i++) one.publish("room:c", "m" + i);
        var oldest = message(live).id();
        for (int i = 1; i < 300; i++) message(live);

        var resumed = one.subscribe("room:c", oldest);
        assertEquals(new Delivery.Gap(), resumed.receive(WAIT));
        var kept = new ArrayList<String>();
        for (Delivery d; (d = resumed.receive(Duration.ofMillis(300))) != null; ) kept.add(((Delivery.Message) d).text());
        assertTrue(kept.size() >= 3 && kept.size() < 300, "about the count is kept: " + kept.size());
        assertEquals("m299", kept.getLast());
    }

    @Test
    void afterRedisRestartsLiveSubscribersGoOnAndAnIdFromBeforeIsAGap() throws Exception {
        var one = hub("one", 1_000);
        var two = hub("two", 1_000);
        var onTwo = two.subscribe("room:d");
        one.publish("room:d", "before");
        var before = message(onTwo);

        cluster.redis().kill();
        cluster.redis().restart();
        Await.until("both relays are back", RedisHubs.RECONNECT, () -> one.relayUp() && two.relayUp());
        one.publish("room:d", "after");
        var after = message(onTwo);
        assertEquals("after", after.text());
        assertNull(onTwo.receive(Duration.ofMillis(200)), "nothing twice");

        // the restarted Redis kept nothing (no persistence): the old id is not in the new stream
        var resumed = two.subscribe("room:d", before.id());
        assertEquals(new Delivery.Gap(), resumed.receive(WAIT));
        assertEquals("after", message(resumed).text());
    }

    @Test
    void afterRedisRestartsAResumeReadsTheNewStreamAndIsNotToldOfAGap() throws Exception {
        var one = hub("one", 1_000);
        var two = hub("two", 1_000);
        one.publish("room:f", "before");
        // resuming before the outage leaves a connection to the old Redis among two's readers
        try (var early = two.subscribe("room:f", new MessageId(1, 0))) {
            assertEquals(new Delivery.Gap(), early.receive(WAIT));
            assertEquals("before", message(early).text());
        }

        cluster.redis().kill();
        cluster.redis().restart();
        Await.until("both relays are back", RedisHubs.RECONNECT, () -> one.relayUp() && two.relayUp());
        var onOne = one.subscribe("room:f");
        one.publish("room:f", "a");
        one.publish("room:f", "b");
        var a = message(onOne);
        assertEquals("b", message(onOne).text());

        var resumed = two.subscribe("room:f", a.id());
        var first = resumed.receive(WAIT);
        assertEquals("b", assertInstanceOf(Delivery.Message.class, first, "the message after a, not " + first).text());
    }

    @Test
    void aSubscriberCatchesUpOnWhatItsInstanceMissedWhileItsSubscriptionWasDown() throws Exception {
        var one = hub("one", 1_000);
        var two = hub("two", 1_000);
        var onTwo = two.subscribe("room:e");
        one.publish("room:e", "first");
        assertEquals("first", message(onTwo).text());

        // cut every subscribed connection; the publishing ones stay, so messages go on into the stream
        cluster.redis().dropSubscribers();
        for (int i = 0; i < 20; i++) one.publish("room:e", "m" + i);
        for (int i = 0; i < 20; i++) assertEquals("m" + i, message(onTwo).text());
    }
}
