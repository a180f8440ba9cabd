package dev.strand.bench.load;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fan-out run, shared by {@code ws-broadcast} and {@code sse-fanout}: one publisher, N
 * subscribers. The publisher sends a message, waits until every subscriber has it (at most
 * {@link #ROUND_TIMEOUT}), then sends the next. A closed loop: the rate says how fast the server
 * fans out, never how deep a queue grew. Each message carries its round number and the
 * publisher's {@link System#nanoTime()}, so a subscriber in this same process knows its delivery
 * latency.
 */
final class Fanout {

    /** How long a round may take before the subscribers it missed count as lost. */
    static final Duration ROUND_TIMEOUT = Duration.ofSeconds(5);

    /**
     * How long one publish may take. Javalin and node answer {@code POST /sse/publish} only after
     * writing to every stream, which for 10,000 streams on a busy core takes seconds.
     */
    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration SYNC_LIMIT = Duration.ofSeconds(10);
    /** However slow the machine, the run measures at least one round, but gives up this long after its deadline. */
    private static final Duration OVERTIME = Duration.ofSeconds(30);

    /** Sends one message to the server's publish endpoint. */
    @FunctionalInterface
    interface Publisher {
        void publish(String payload) throws Exception;
    }

    private final int subscribers;
    private final Latencies latencies = new Latencies();
    private final LongAdder deliveries = new LongAdder();
    private final AtomicInteger remaining = new AtomicInteger();
    private final Semaphore roundDone = new Semaphore(0);
    private final AtomicLong errors = new AtomicLong();
    private volatile long round = -1;
    private volatile long firstMeasured = Long.MAX_VALUE;
    private volatile boolean finished;

    Fanout(int subscribers) {
        this.subscribers = subscribers;
    }

    /** Called by a subscriber for each message it receives; safe from any thread. */
    void deliver(String payload) {
        var now = System.nanoTime();
        var space = payload.indexOf(' ');
        if (space < 0) {
            return; // a heartbeat or other event without our payload
        }
        var sequence = Long.parseLong(payload, 0, space, 10);
        if (sequence >= firstMeasured) {
            latencies.record(now - Long.parseLong(payload, space + 1, payload.length(), 10));
            deliveries.increment();
        }
        if (sequence == round && remaining.decrementAndGet() == 0) {
            roundDone.release();
        }
    }

    /** Counts a subscriber or publish that failed while the run was on; closing them afterwards is no error. */
    void failed(Throwable cause) {
        if (!finished && errors.getAndIncrement() == 0) {
            System.err.println("fan-out: " + cause);
        }
    }

    /**
     * Publishes until every subscriber has received one round (they are all registered on the
     * server), then warms up and measures as the options say, and puts the figures into
     * {@code result}. Measured are the rounds that start within the measured stretch, and at
     * least one.
     */
    void run(LoadOptions options, Publisher publisher, Measurement result) throws Exception {
        var sequence = 0L;
        var syncUntil = System.nanoTime() + SYNC_LIMIT.toNanos();
        while (publishRound(sequence++, publisher) > 0 && System.nanoTime() < syncUntil) {
            Thread.sleep(10);
        }

        var window = Window.startingNow(options.warmup(), options.duration());
        var giveUp = window.deadline() + OVERTIME.toNanos();
        while (!window.measures(System.nanoTime())) {
            publishRound(sequence++, publisher);
        }
        var cpu = new CpuMeter(options.serverPid());
        cpu.start();
        var measuredFrom = System.nanoTime();
        firstMeasured = sequence;
        var measured = 0L;
        var lost = 0L;
        do {
            lost += publishRound(sequence++, publisher);
            measured++;
        } while (!window.over(System.nanoTime()) && System.nanoTime() < giveUp);
        var seconds = (System.nanoTime() - measuredFrom) / 1e9;
        finished = true;

        cpu.report(result.metrics());
        result.metrics().put("deliveries_per_s", Math.round(deliveries.sum() / seconds));
        result.metrics().put("publishes_per_s", Math.round(measured / seconds * 10) / 10.0);
        latencies.report(result.metrics());
        result.metrics().put("lost", lost);
        result.metrics().put("errors", errors.get());
    }

    /**
     * Publishes one round and waits for it; returns how many subscribers it did not reach in time.
     * A failed publish counts as an error and its round as lost, and the run goes on.
     */
    private int publishRound(long sequence, Publisher publisher) throws InterruptedException {
        remaining.set(subscribers);
        roundDone.drainPermits();
        round = sequence;
        try {
            publisher.publish(sequence + " " + System.nanoTime());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            failed(e);
            return subscribers;
        }
        if (roundDone.tryAcquire(ROUND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            return 0;
        }
        return Math.max(0, remaining.get());
    }
}
