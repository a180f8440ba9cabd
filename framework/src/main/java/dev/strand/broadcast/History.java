package dev.strand.broadcast;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The recent messages of one topic in one process, for a hub without Redis: at most
 * {@code count} of them, none older than {@code maxAge}. Ids follow the clock, like a Redis
 * Stream's: milliseconds since the epoch, and a sequence within a millisecond, never going
 * backwards even if the clock does.
 *
 * <p>The {@link Hub} holds {@link #lock} while it gives a message its id, appends it, and hands
 * it to the topic's subscribers, and while a resuming subscriber reads the history and joins;
 * so every subscriber sees the messages in id order, and a resumed one sees each exactly once.
 */
final class History {
    /** One kept message. */
    record Entry(Delivery.Message message, long atMillis) {
    }

    /** What a subscriber resuming after an id gets from the history. */
    record Replay(boolean gap, List<Delivery.Message> messages) {
        static final Replay NONE = new Replay(false, List.of());
    }

    final ReentrantLock lock = new ReentrantLock();
    private final int count;
    private final long maxAgeMillis;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private MessageId last = new MessageId(0, 0);

    History(int count, Duration maxAge) {
        this.count = count;
        this.maxAgeMillis = maxAge.toMillis();
    }

    /** Gives {@code text} the next id and keeps it, dropping what no longer fits; the lock is held. */
    Delivery.Message append(String text, long nowMillis) {
        last = nowMillis > last.millis() ? new MessageId(nowMillis, 0) : last.next();
        var message = new Delivery.Message(text, last);
        entries.addLast(new Entry(message, nowMillis));
        if (entries.size() > count) entries.removeFirst();
        trim(nowMillis);
        return message;
    }

    /**
     * The messages after {@code after}; a gap, with everything kept, when {@code after} is not
     * in the history (so messages after it may have been dropped). The lock is held.
     */
    Replay after(MessageId after, long nowMillis) {
        trim(nowMillis);
        var found = false;
        var messages = new ArrayList<Delivery.Message>();
        for (var entry : entries) {
            if (found) messages.add(entry.message());
            else if (entry.message().id().equals(after)) found = true;
        }
        if (found) return new Replay(false, messages);
        return new Replay(true, entries.stream().map(Entry::message).toList());
    }

    /** Drops what is older than the age limit; returns whether nothing is left. The lock is held. */
    boolean trim(long nowMillis) {
        while (!entries.isEmpty() && nowMillis - entries.peekFirst().atMillis() > maxAgeMillis) entries.removeFirst();
        return entries.isEmpty();
    }
}
