package dev.strand.tests.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.broadcast.Delivery;
import dev.strand.broadcast.Hub;
import dev.strand.broadcast.Subscription;
import dev.strand.tests.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HubTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Hub hub = Hub.inProcess();

    @AfterEach
    void closeHub() {
        hub.close();
    }

    private static Delivery.Message message(String text) {
        return new Delivery.Message(text);
    }

    @Test
    void publishingToATopicWithoutSubscribersReachesNoOne() {
        assertEquals(0, hub.publish("empty", "hello"));
        assertEquals(0, hub.subscriberCount("empty"));
        assertEquals(Set.of(), hub.topics());
    }

    @Test
    void everySubscriberGetsEveryMessage() throws Exception {
        var subscribers = new ArrayList<Subscription>();
        for (int i = 0; i < 1_000; i++) subscribers.add(hub.subscribe("room"));

        for (int m = 0; m < 10; m++) assertEquals(1_000, hub.publish("room", "m" + m));

        for (var s : subscribers) {
            for (int m = 0; m < 10; m++) assertEquals(message("m" + m), s.receive(WAIT));
            assertNull(s.poll());
        }
    }

    @Test
    void topicsAreSeparate() throws Exception {
        var a = hub.subscribe("a");
        var b = hub.subscribe("b");
        hub.publish("a", "for a");
        assertEquals(message("for a"), a.receive(WAIT));
        assertNull(b.poll());
    }

    @Test
    void eachPublishersMessagesArriveInTheOrderPublished() throws Exception {
        int publishers = 4;
        int perPublisher = 5_000;
        var readers = List.of(hub.subscribe("room", publishers * perPublisher), hub.subscribe("room", publishers * perPublisher));
        var start = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var done = new ArrayList<Future<?>>();
            for (int p = 0; p < publishers; p++) {
                int publisher = p;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perPublisher; i++) hub.publish("room", publisher + ":" + i);
                    return null;
                }));
            }
            start.countDown();
            for (var f : done) f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        for (var reader : readers) {
            var next = new int[publishers];
            for (int n = 0; n < publishers * perPublisher; n++) {
                var d = (Delivery.Message) reader.receive(WAIT);
                var parts = d.text().split(":");
                int publisher = Integer.parseInt(parts[0]);
                assertEquals(next[publisher]++, Integer.parseInt(parts[1]), "publisher " + publisher);
            }
            assertNull(reader.poll());
        }
    }

    @Test
    void aSubscriberThatFallsBehindLearnsExactlyHowManyItMissed() throws Exception {
        var slow = hub.subscribe("room", 4);
        for (int m = 0; m < 10; m++) assertEquals(1, hub.publish("room", "m" + m));

        assertEquals(new Delivery.Lagged(6), slow.receive(WAIT));
        for (int m = 6; m < 10; m++) assertEquals(message("m" + m), slow.receive(WAIT));
        assertNull(slow.poll());

        hub.publish("room", "m10");
        assertEquals(message("m10"), slow.receive(WAIT), "caught up: no lag reported again");

        for (int m = 11; m < 16; m++) hub.publish("room", "m" + m);
        assertEquals(new Delivery.Lagged(1), slow.receive(WAIT));
        assertEquals(message("m12"), slow.receive(WAIT));
    }

    @Test
    void aSubscriberThatNeverReadsHoldsUpNeitherThePublisherNorTheOthers() throws Exception {
        int count = 200_000;
        var stuck = hub.subscribe("room", 8);
        var reader = hub.subscribe("room", count);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var received = pool.submit(() -> {
                int n = 0;
                for (Delivery d; n < count && (d = reader.receive(WAIT)) != null; n++) {
                    assertEquals(message("m" + n), d);
                }
                return n;
            });
            assertTimeoutPreemptively(WAIT, () -> {
                for (int m = 0; m < count; m++) assertEquals(2, hub.publish("room", "m" + m));
            });
            assertEquals(count, received.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        assertEquals(new Delivery.Lagged(count - 8), stuck.poll());
        assertEquals(message("m" + (count - 8)), stuck.poll());
    }

    @Test
    void theSenderCanSkipItself() throws Exception {
        var me = hub.subscribe("room");
        var other = hub.subscribe("room");
        assertEquals(1, hub.publish("room", "from me", me));
        assertEquals(message("from me"), other.receive(WAIT));
        assertNull(me.poll());
    }

    @Test
    void theTopicGoesAwayWithItsLastSubscriber() {
        var first = hub.subscribe("room");
        var second = hub.subscribe("room");
        assertEquals(2, hub.subscriberCount("room"));
        assertEquals(Set.of("room"), hub.topics());

        first.close();
        assertEquals(1, hub.subscriberCount("room"));
        second.close();
        second.close();

        assertEquals(0, hub.subscriberCount("room"));
        assertEquals(Set.of(), hub.topics());
        assertEquals(0, hub.publish("room", "anyone?"));
    }

    @Test
    void closingWakesAWaitingReaderWithNull() throws Exception {
        var subscription = hub.subscribe("room");
        var reader = new AtomicReference<Thread>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var waiting = pool.submit(() -> {
                reader.set(Thread.currentThread());
                return subscription.receive();
            });
            Await.until("the reader waits in receive()", WAIT, () -> reader.get() != null && reader.get().getState() == Thread.State.WAITING);
            subscription.close();
            assertNull(waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        assertTrue(subscription.closed());
        assertTrue(subscription.awaitClosed(Duration.ZERO));
        assertNull(subscription.receive());
    }

    @Test
    void aClosedSubscriptionDropsWhatItHeld() {
        var subscription = hub.subscribe("room");
        hub.publish("room", "unread");
        subscription.close();
        assertNull(subscription.poll());
    }

    @Test
    void receiveWithATimeoutGivesUpWithNull() throws Exception {
        var subscription = hub.subscribe("room");
        assertNull(subscription.receive(Duration.ofMillis(20)));
        assertFalse(subscription.closed());
        assertFalse(subscription.awaitClosed(Duration.ofMillis(20)));
    }

    @Test
    void joiningAndLeavingWhilePublishingNeverLosesAStaysSubscriber() throws Exception {
        var stays = hub.subscribe("room", 100_000);
        var stop = new AtomicBoolean();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var churners = new ArrayList<Future<?>>();
            for (int t = 0; t < 8; t++) {
                churners.add(pool.submit(() -> {
                    while (!stop.get()) hub.subscribe("room").close();
                    return null;
                }));
            }
            for (int m = 0; m < 20_000; m++) assertTrue(hub.publish("room", "m" + m) >= 1);
            stop.set(true);
            for (var f : churners) f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        assertEquals(1, hub.subscriberCount("room"));
        for (int m = 0; m < 20_000; m++) assertEquals(message("m" + m), stays.poll());
        stays.close();
        assertEquals(Set.of(), hub.topics());
    }

    @Test
    void closingTheHubEndsEverySubscription() throws Exception {
        var a = hub.subscribe("a");
        var b = hub.subscribe("b");
        hub.close();

        assertNull(a.receive(WAIT));
        assertTrue(b.closed());
        assertEquals(Set.of(), hub.topics());
        assertEquals(0, hub.publish("a", "late"));
        assertThrows(IllegalStateException.class, () -> hub.subscribe("a"));
    }

    @Test
    void badArgumentsFailAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> hub.subscribe("room", 0));
        assertThrows(NullPointerException.class, () -> hub.publish("room", null));
        var e = assertThrows(IllegalArgumentException.class, () -> Hub.redis("http://user:secret@localhost:6379"));
        assertFalse(e.getMessage().contains("secret"), "the password is not echoed: " + e.getMessage());
    }
}
