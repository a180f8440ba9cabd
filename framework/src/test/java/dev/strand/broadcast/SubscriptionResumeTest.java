package dev.strand.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The seam between a replay and the live messages, staged in the order a Redis resume can meet:
 * the subscription joins the topic, a live message arrives while the history is read, then the
 * replay (which holds that message too) is set.
 */
class SubscriptionResumeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Delivery.Message message(String text, long sequence) {
        return new Delivery.Message(text, new MessageId(1_000, sequence));
    }

    @Test
    void aLiveMessageTheReplayAlsoHoldsComesOnceAndTheReaderThenWaitsForTheNext() throws Exception {
        try (var hub = Hub.builder().build(); var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var subscription = new Subscription("room", 16, hub, null);
            var one = message("one", 1);
            var two = message("two", 2);
            subscription.offer(two);
            subscription.resume(false, List.of(one, two), new MessageId(1_000, 0));
            assertEquals(one, subscription.receive());
            assertEquals(two, subscription.receive());

            var reader = new AtomicReference<Thread>();
            Future<Delivery> next = pool.submit(() -> {
                reader.set(Thread.currentThread());
                return subscription.receive();
            });
            awaitWaiting(reader, next);
            assertFalse(next.isDone(), "receive() returned " + (next.isDone() ? next.get() : null) + " although the subscription is open");
            var three = message("three", 3);
            subscription.offer(three);
            assertEquals(three, next.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertFalse(subscription.closed());
        }
    }

    @Test
    void liveMessagesUpToTheResumePointAreDroppedWhenTheHistoryHoldsNothingNewer() throws Exception {
        try (var hub = Hub.builder().build()) {
            var subscription = new Subscription("room", 16, hub, null);
            subscription.offer(message("seen", 1));
            subscription.resume(false, List.of(), new MessageId(1_000, 1));
            assertNull(subscription.poll());
            var fresh = message("fresh", 2);
            subscription.offer(fresh);
            assertEquals(fresh, subscription.receive(WAIT));
        }
    }

    /** Until the reader parks in receive(), or its call ends (which the caller then reports). */
    private static void awaitWaiting(AtomicReference<Thread> reader, Future<?> call) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!call.isDone() && (reader.get() == null || reader.get().getState() != Thread.State.WAITING)) {
            if (System.nanoTime() - deadline > 0) throw new AssertionError("the reader neither waited nor returned within " + WAIT);
            Thread.onSpinWait();
        }
    }
}
