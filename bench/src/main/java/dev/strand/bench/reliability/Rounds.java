package dev.strand.bench.reliability;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Broadcast rounds to N subscribers, closed loop as in the {@code ws-broadcast} benchmark: a
 * message goes out, and the next when every subscriber has it (or {@link #ROUND_TIMEOUT} passed).
 * Each message carries its round number and the publisher's {@link System#nanoTime()}, then
 * padding to the size asked for.
 */
final class Rounds {

    static final Duration ROUND_TIMEOUT = Duration.ofSeconds(5);

    /** Sends one message to the publish endpoint. */
    @FunctionalInterface
    interface Publisher {
        void publish(String payload) throws Exception;
    }

    /** One phase's figures: delivery latencies, and how many deliveries missed their round. */
    record Phase(Histogram latencies, long rounds, long lost) {
    }

    private final int subscribers;
    private final String padding;
    private final AtomicInteger remaining = new AtomicInteger();
    private final Semaphore roundDone = new Semaphore(0);
    private volatile Recorder recorder = new Recorder(3);
    private volatile long round = -1;
    private long sequence;

    Rounds(int subscribers, int payloadBytes) {
        this.subscribers = subscribers;
        this.padding = " " + "x".repeat(Math.max(0, payloadBytes - 40));
    }

    /** Called by a subscriber for each message; safe from any thread. */
    void deliver(String payload) {
        var now = System.nanoTime();
        var first = payload.indexOf(' ');
        var second = payload.indexOf(' ', first + 1);
        recorder.recordValue(Math.max(0, now - Long.parseLong(payload, first + 1, second, 10)));
        if (Long.parseLong(payload, 0, first, 10) == round && remaining.decrementAndGet() == 0) {
            roundDone.release();
        }
    }

    /** Whether a phase is over; asked after each round. */
    @FunctionalInterface
    interface Until {
        boolean done() throws Exception;
    }

    /** Publishes rounds for {@code duration} (at least one), and returns what they measured. */
    Phase run(Duration duration, Publisher publisher) throws Exception {
        var end = System.nanoTime() + duration.toNanos();
        return run(publisher, () -> System.nanoTime() >= end);
    }

    /** Publishes rounds until {@code until} says done (at least one), and returns what they measured. */
    Phase run(Publisher publisher, Until until) throws Exception {
        recorder.getIntervalHistogram(); // what arrived before belongs to no phase
        long rounds = 0, lost = 0;
        do {
            remaining.set(subscribers);
            roundDone.drainPermits();
            round = ++sequence;
            publisher.publish(sequence + " " + System.nanoTime() + padding);
            if (!roundDone.tryAcquire(ROUND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                lost += Math.max(0, remaining.get());
            }
            rounds++;
        } while (!until.done());
        return new Phase(recorder.getIntervalHistogram(), rounds, lost);
    }
}
