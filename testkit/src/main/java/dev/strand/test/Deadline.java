package dev.strand.test;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * One bounded wait: its limit, and the moment the limit runs out, taken when the wait starts. A
 * call that waits for several things in turn (a send, then its answer) spends one deadline, so it
 * fails after its limit and not after a multiple of it. Shows the limit as people write it:
 * {@code 2 s}, {@code 300 ms}, {@code 1.5 s}.
 */
record Deadline(Duration limit, long endNanos) {

    /** A wait of {@code limit} starting now. */
    static Deadline in(Duration limit) {
        return new Deadline(limit, System.nanoTime() + limit.toNanos());
    }

    /** What is left of the wait, never negative. */
    long remainingNanos() {
        return Math.max(0, endNanos - System.nanoTime());
    }

    /** {@code 2 s}, {@code 300 ms}, {@code 1.5 s}: a duration as a failure message should show it. */
    static String text(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) return millis + " ms";
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }

    @Override
    public String toString() {
        return text(limit);
    }
}
