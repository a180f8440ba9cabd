package dev.strand.broadcast;

import java.time.Duration;

/** Reconnect delays for the Redis relay: 100 ms, doubling up to 5 s, back to 100 ms after a success. */
final class Backoff {
    private static final long FIRST_MILLIS = 100;
    private static final long MAX_MILLIS = 5_000;

    private long next = FIRST_MILLIS;

    /** Sleeps for the current delay and doubles the next one; interrupted when the relay closes. */
    void pause() throws InterruptedException {
        long delay = next;
        next = Math.min(MAX_MILLIS, next * 2);
        Thread.sleep(Duration.ofMillis(delay));
    }

    void reset() {
        next = FIRST_MILLIS;
    }
}
