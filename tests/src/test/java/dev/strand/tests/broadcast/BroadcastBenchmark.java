package dev.strand.tests.broadcast;

import dev.strand.test.RedisServer;
import dev.strand.broadcast.Delivery;
import dev.strand.broadcast.Hub;
import dev.strand.broadcast.Subscription;
import dev.strand.tests.Await;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures the hub and prints the numbers; asserts nothing about speed. Runs only when asked:
 * {@code ./mvnw -B verify -pl tests -Dtest=BroadcastBenchmark -Dstrand.benchmark=true}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "strand.benchmark", matches = "true")
class BroadcastBenchmark {
    private static final Duration WAIT = Duration.ofMinutes(2);

    private static final int SUBSCRIBERS = 10_000;
    private static final int MESSAGES = 1_000;

    /** One publisher, 10,000 subscribers that nobody reads: the cost of buffering alone. */
    @Test
    void bufferingForTenThousandSubscribers() {
        for (int round = 1; round <= 3; round++) {
            try (var hub = Hub.inProcess()) {
                for (int i = 0; i < SUBSCRIBERS; i++) hub.subscribe("room", MESSAGES);
                long start = System.nanoTime();
                for (int m = 0; m < MESSAGES; m++) hub.publish("room", "message " + m);
                long took = System.nanoTime() - start;
                System.out.printf("buffering round %d: %,d subscribers x %,d messages, nobody reading: %,.0f deliveries/s (%.0f ms)%n",
                        round, SUBSCRIBERS, MESSAGES, (double) SUBSCRIBERS * MESSAGES / seconds(took), millis(took));
            }
        }
    }

    /** One publisher, 10,000 subscribers each reading on a virtual thread of its own. */
    @Test
    void fanOutToTenThousandSubscribers() throws Exception {
        int subscribers = SUBSCRIBERS;
        int messages = MESSAGES;
        for (int round = 1; round <= 3; round++) {
            try (var hub = Hub.inProcess(); var readers = Executors.newVirtualThreadPerTaskExecutor()) {
                var received = new LongAdder();
                var missed = new LongAdder();
                var done = new CountDownLatch(subscribers);
                for (int i = 0; i < subscribers; i++) {
                    var subscription = hub.subscribe("room", messages);
                    readers.submit(() -> readAll(subscription, messages, received, missed, done));
                }
                long start = System.nanoTime();
                for (int m = 0; m < messages; m++) hub.publish("room", "message " + m);
                long published = System.nanoTime();
                if (!done.await(WAIT.toSeconds(), TimeUnit.SECONDS)) throw new AssertionError("readers did not finish within " + WAIT);
                long end = System.nanoTime();

                long deliveries = (long) subscribers * messages;
                System.out.printf("fan-out round %d: %,d subscribers x %,d messages: publish loop %,.0f deliveries/s (%.0f ms), "
                                + "all read %,.0f deliveries/s (%.0f ms); received %,d, missed %,d%n",
                        round, subscribers, messages, deliveries / seconds(published - start), millis(published - start),
                        received.sum() / seconds(end - start), millis(end - start), received.sum(), missed.sum());
            }
        }
    }

    private static Void readAll(Subscription subscription, int messages, LongAdder received, LongAdder missed, CountDownLatch done)
            throws InterruptedException {
        long seen = 0;
        while (seen < messages) {
            switch (subscription.receive(WAIT)) {
                case Delivery.Message m -> received.increment();
                case Delivery.Lagged(var n) -> {
                    missed.add(n);
                    seen += n - 1;
                }
                case Delivery.Gap g -> throw new AssertionError("a live subscription got a gap");
                case null -> throw new AssertionError("no delivery within " + WAIT);
            }
            seen++;
        }
        done.countDown();
        return null;
    }

    /**
     * Publish-to-receive latency, one message at a time, as seen by a reader thread on the
     * publishing instance and by one on another instance (through Redis).
     */
    @Test
    void relayLatency() throws Exception {
        int warmup = 2_000;
        int samples = 10_000;
        try (var redis = RedisServer.start();
             var one = Hub.redis(redis.url());
             var two = Hub.redis(redis.url());
             var readers = Executors.newVirtualThreadPerTaskExecutor()) {
            Await.until("relays up", Duration.ofSeconds(20), () -> one.relayUp() && two.relayUp());
            var arrived = new Semaphore(0);
            var local = readers.submit(() -> latencies(one.subscribe("room", 16), warmup + samples, arrived));
            var remote = readers.submit(() -> latencies(two.subscribe("room", 16), warmup + samples, arrived));
            Await.until("readers subscribed", WAIT, () -> one.subscriberCount("room") == 1 && two.subscriberCount("room") == 1);
            for (int i = 0; i < warmup + samples; i++) {
                one.publish("room", Long.toString(System.nanoTime()));
                if (!arrived.tryAcquire(2, WAIT.toSeconds(), TimeUnit.SECONDS)) throw new AssertionError("message " + i + " did not arrive");
            }
            var localNanos = Arrays.copyOfRange(local.get(), warmup, warmup + samples);
            var remoteNanos = Arrays.copyOfRange(remote.get(), warmup, warmup + samples);
            System.out.printf("latency, publish to receive, %,d samples: local p50 %.1f us p99 %.1f us; through Redis p50 %.1f us p99 %.1f us p99.9 %.1f us%n",
                    samples, micros(localNanos, 0.50), micros(localNanos, 0.99),
                    micros(remoteNanos, 0.50), micros(remoteNanos, 0.99), micros(remoteNanos, 0.999));

            relayThroughput(one, two);
        }
    }

    /** Reads {@code count} messages holding their send time, and returns how long each took to arrive. */
    private static long[] latencies(Subscription subscription, int count, Semaphore arrived) throws InterruptedException {
        var nanos = new long[count];
        for (int i = 0; i < count; i++) {
            var d = subscription.receive(WAIT);
            long now = System.nanoTime();
            if (!(d instanceof Delivery.Message(var text, var id))) throw new AssertionError("expected a message, got " + d);
            nanos[i] = now - Long.parseLong(text);
            arrived.release();
        }
        return nanos;
    }

    /**
     * Messages per second from one publisher on one instance to a reader on the other, sent in
     * chunks that fit the relay's outbox so that none is dropped.
     */
    private static void relayThroughput(Hub one, Hub two) throws Exception {
        int chunk = 8_192;
        int chunks = 25;
        var remote = two.subscribe("flood", chunk);
        long start = System.nanoTime();
        for (int c = 0; c < chunks; c++) {
            for (int m = 0; m < chunk; m++) one.publish("flood", "message " + m);
            for (int m = 0; m < chunk; m++) {
                if (!(remote.receive(WAIT) instanceof Delivery.Message)) throw new AssertionError("chunk " + c + " lost messages");
            }
        }
        long took = System.nanoTime() - start;
        System.out.printf("relay throughput: %,d messages from one instance to the other in %.0f ms: %,.0f/s%n",
                chunk * chunks, millis(took), chunk * chunks / seconds(took));
    }

    private static double micros(long[] nanos, double quantile) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * sorted.length))] / 1_000.0;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
