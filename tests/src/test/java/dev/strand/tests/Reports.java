package dev.strand.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What handlers observed, for tests to await with a bound. */
public final class Reports {
    private static final long WAIT_SECONDS = 10;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();

    /** Records an observation; called from handlers. */
    public void add(String report) {
        queue.add(report);
    }

    public void clear() {
        queue.clear();
    }

    /** The next report, waiting at most 10 s. */
    public String next() throws InterruptedException {
        var value = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(value, "the handler reported nothing within " + WAIT_SECONDS + " s");
        return value;
    }

    /**
     * The next report starting with {@code prefix}, skipping others: a handler of an earlier test
     * may still report after that test ended.
     */
    public String next(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        var skipped = new ArrayList<String>();
        while (System.nanoTime() < deadline) {
            var value = queue.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (value == null) break;
            if (value.startsWith(prefix)) return value;
            skipped.add(value);
        }
        throw new AssertionError("no report starting with '" + prefix + "' within " + WAIT_SECONDS + " s; other reports: " + skipped);
    }
}
