package dev.strand.bench.load;

import java.time.Duration;

/**
 * The time line of a timed run on {@link System#nanoTime()}: warm-up until {@code measureFrom},
 * then the measured stretch until {@code deadline}.
 */
record Window(long measureFrom, long deadline) {

    /** A window whose warm-up starts now. */
    static Window startingNow(Duration warmup, Duration duration) {
        var measureFrom = System.nanoTime() + warmup.toNanos();
        return new Window(measureFrom, measureFrom + duration.toNanos());
    }

    /** Whether something that happened (was sent) at {@code nanos} counts. */
    boolean measures(long nanos) {
        return nanos >= measureFrom && nanos < deadline;
    }

    /** Whether the run is over at {@code nanos}. */
    boolean over(long nanos) {
        return nanos >= deadline;
    }

    /** The measured stretch in seconds. */
    double seconds() {
        return (deadline - measureFrom) / 1e9;
    }

    /** Sleeps until the measured stretch begins. */
    void awaitMeasuring() throws InterruptedException {
        sleepUntil(measureFrom);
    }

    /** Sleeps until the deadline. */
    void awaitDeadline() throws InterruptedException {
        sleepUntil(deadline);
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        var left = nanos - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }
}
