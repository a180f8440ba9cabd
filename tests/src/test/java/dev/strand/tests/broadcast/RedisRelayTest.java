package dev.strand.tests.broadcast;

import dev.strand.test.RedisServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.strand.broadcast.Delivery;
import dev.strand.broadcast.Hub;
import dev.strand.tests.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedisRelayTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Long enough for a reconnect at the longest backoff (5 s) plus the connection itself. */
    private static final Duration RECONNECT = Duration.ofSeconds(20);
    /** Short, so failures show within the waits; not so short that a busy machine looks like a dead link. */
    private static final Duration HEARTBEAT = Duration.ofMillis(500);

    private RedisServer redis;
    private final List<Hub> hubs = new ArrayList<>();

    @BeforeEach
    void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        hubs.forEach(Hub::close);
        redis.close();
    }

    private Hub hub(String instanceId) {
        return hub(Hub.builder().redis(redis.url()).instanceId(instanceId));
    }

    private Hub hub(Hub.Builder builder) {
        var hub = builder.build();
        hubs.add(hub);
        return hub;
    }

    private static void awaitRelay(Hub... hubs) throws InterruptedException {
        for (var hub : hubs) Await.until("the relay is up", RECONNECT, hub::relayUp);
    }

    private static Delivery.Message message(String text) {
        return new Delivery.Message(text);
    }

    @Test
    void aMessageReachesSubscribersOfEveryInstanceExactlyOnce() throws Exception {
        var one = hub("one");
        var two = hub("two");
        awaitRelay(one, two);
        var onOne = one.subscribe("room");
        var onTwo = two.subscribe("room");

        assertEquals(1, one.publish("room", "first"), "counts local subscribers only");
        assertEquals(message("first"), onTwo.receive(WAIT));
        // "first" is in Redis now, so its echo would reach instance one before "second" does
        two.publish("room", "second");

        assertEquals(message("first"), onOne.receive(WAIT));
        assertEquals(message("second"), onOne.receive(WAIT));
        assertEquals(message("second"), onTwo.receive(WAIT));
        assertNull(onOne.poll());
        assertNull(onTwo.poll());
    }

    @Test
    void onlyTheTopicPublishedToIsReachedWithTheTextIntact() throws Exception {
        var one = hub("one");
        var two = hub("two");
        awaitRelay(one, two);
        var other = two.subscribe("other");
        var room = two.subscribe("room");

        one.publish("other room", "not for other");
        var multiline = "{\"text\": \"line one\nline two\"}\nünïcödé ✓";
        one.publish("room", multiline);

        assertEquals(message(multiline), room.receive(WAIT));
        assertNull(other.poll());
    }

    @Test
    void hubsWithAnotherChannelPrefixDoNotShareRooms() throws Exception {
        var one = hub("one");
        var two = hub("two");
        var otherPrefix = "other[app]*:";
        var elsewhere = hub(Hub.builder().redis(redis.url()).instanceId("elsewhere").channelPrefix(otherPrefix));
        var elsewhereToo = hub(Hub.builder().redis(redis.url()).instanceId("elsewhere too").channelPrefix(otherPrefix));
        awaitRelay(one, two, elsewhere, elsewhereToo);
        var inTwo = two.subscribe("room");
        var inElsewhereToo = elsewhereToo.subscribe("room");

        elsewhere.publish("room", "for the other app");
        assertEquals(message("for the other app"), inElsewhereToo.receive(WAIT));
        // it went through Redis, so it would reach instance two before this does
        one.publish("room", "for strand");

        assertEquals(message("for strand"), inTwo.receive(WAIT));
        assertNull(inElsewhereToo.poll());
    }

    @Test
    void aRedisCrashAndRestartIsSurvived() throws Exception {
        var one = hub(Hub.builder().redis(redis.url()).instanceId("one").heartbeat(HEARTBEAT));
        var two = hub(Hub.builder().redis(redis.url()).instanceId("two").heartbeat(HEARTBEAT));
        awaitRelay(one, two);
        var onOne = one.subscribe("room");
        var onTwo = two.subscribe("room");
        one.publish("room", "before");
        assertEquals(message("before"), onTwo.receive(WAIT));
        assertEquals(message("before"), onOne.receive(WAIT));

        redis.kill();
        Await.until("both hubs notice the outage", WAIT, () -> !one.relayUp() && !two.relayUp());

        assertEquals(1, one.publish("room", "during"), "local delivery goes on");
        assertEquals(message("during"), onOne.receive(WAIT));

        redis.restart();
        awaitRelay(one, two);
        one.publish("room", "after");

        assertEquals(message("after"), onTwo.receive(WAIT), "'during' is not delivered late");
        assertEquals(message("after"), onOne.receive(WAIT));
        two.publish("room", "back the other way");
        assertEquals(message("back the other way"), onOne.receive(WAIT));
    }

    /**
     * Found by the reliability suite's Redis scenario (bench/run reliability): on a server whose
     * virtual threads had all their carriers busy (a WebSocket publisher with messages waiting
     * never parks), the relay's threads, virtual too, waited behind it, and for tens of seconds
     * nothing crossed to the other instance and a restarted Redis was not reconnected to.
     */
    @Test
    void theRelayGoesOnWhileEveryCarrierOfVirtualThreadsIsBusy() throws Exception {
        var one = hub("one");
        var two = hub("two");
        awaitRelay(one, two);
        var onTwo = two.subscribe("room");
        int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
        var spinning = new CountDownLatch(carriers);
        var stop = new AtomicBoolean();
        var busy = new ArrayList<Thread>();
        try {
            for (int i = 0; i < carriers; i++) {
                busy.add(Thread.ofVirtual().start(() -> {
                    spinning.countDown();
                    while (!stop.get()) Thread.onSpinWait(); // holds its carrier: a virtual thread is never preempted
                }));
            }
            spinning.await();
            one.publish("room", "while busy");
            assertEquals(message("while busy"), onTwo.receive(WAIT));
        } finally {
            stop.set(true);
            for (var thread : busy) thread.join();
        }
    }

    @Test
    void aFrozenRedisIsNoticedByTheHeartbeat() throws Exception {
        var one = hub(Hub.builder().redis(redis.url()).instanceId("one").heartbeat(HEARTBEAT));
        var two = hub(Hub.builder().redis(redis.url()).instanceId("two").heartbeat(HEARTBEAT));
        awaitRelay(one, two);
        var onTwo = two.subscribe("room");

        redis.freeze();
        Await.until("both hubs notice that Redis stopped answering", WAIT, () -> !one.relayUp() && !two.relayUp());
        redis.thaw();

        awaitRelay(one, two);
        one.publish("room", "after the thaw");
        assertEquals(message("after the thaw"), onTwo.receive(WAIT));
    }

    @Test
    void aHubStartedWhileRedisIsDownConnectsWhenItComesUp() throws Exception {
        redis.kill();
        var one = hub("one");
        var local = one.subscribe("room");
        assertEquals(1, one.publish("room", "local only"));
        assertEquals(message("local only"), local.receive(WAIT));
        assertFalse(one.relayUp());

        redis.restart();
        var two = hub("two");
        awaitRelay(one, two);
        var remote = two.subscribe("room");
        one.publish("room", "now everywhere");
        assertEquals(message("now everywhere"), remote.receive(WAIT));
    }

    @Test
    void aClosedHubStopsRelaying() throws Exception {
        var one = hub("one");
        var two = hub("two");
        awaitRelay(one, two);
        var onTwo = two.subscribe("room");

        one.close();
        assertFalse(one.relayUp());
        assertEquals(0, one.publish("room", "after close"));
        var three = hub("three");
        awaitRelay(three);
        three.publish("room", "still working");
        assertEquals(message("still working"), onTwo.receive(WAIT));
    }
}
