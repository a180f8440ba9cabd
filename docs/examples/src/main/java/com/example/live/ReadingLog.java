package com.example.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The latest readings, numbered 1, 2, 3... in arrival order. Streams read it with
 * {@link #after}: everything newer than the last number they sent, waiting for more when
 * they are up to date. That one method serves a first connection, a reconnect that resumes,
 * and the live tail alike.
 */
public final class ReadingLog {
    /** A reading and its number. */
    public record Entry(long id, Reading reading) {}

    private static final int KEEP = 100;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long lastId;

    public Entry append(Reading reading) {
        lock.lock();
        try {
            var entry = new Entry(++lastId, reading);
            entries.addLast(entry);
            if (entries.size() > KEEP) entries.removeFirst();
            added.signalAll();
            return entry;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The kept entries numbered above {@code afterId}, oldest first. When there are none, waits
     * up to {@code wait} for one to arrive and returns an empty list if none did. Waiting blocks
     * only this virtual thread.
     */
    public List<Entry> after(long afterId, Duration wait) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long nanos = wait.toNanos();
            while (lastId <= afterId && nanos > 0) nanos = added.awaitNanos(nanos);
            return entries.stream().filter(e -> e.id() > afterId).toList();
        } finally {
            lock.unlock();
        }
    }
}
