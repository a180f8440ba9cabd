package dev.strand.broadcast;

import java.util.Arrays;

/**
 * A named room and its current subscribers. Publishers read the subscriber array without a lock;
 * joins and leaves replace it with a copy, and the {@link Hub} makes them only inside
 * {@code ConcurrentHashMap.compute} for this topic's name, which serialises them.
 */
final class Topic {
    private static final Subscription[] NONE = new Subscription[0];

    private volatile Subscription[] subscribers = NONE;
    /** The id of the last stream message delivered here; only the relay's subscriber thread uses it. */
    private MessageId lastDelivered;

    /** Records a stream message about to be delivered; {@code false} if it (or a later one) already was. */
    boolean firstDelivery(MessageId id) {
        if (lastDelivered != null && id.compareTo(lastDelivered) <= 0) return false;
        lastDelivered = id;
        return true;
    }

    /** {@return the id of the last stream message delivered here, or {@code null}} */
    MessageId lastDelivered() {
        return lastDelivered;
    }

    /** The subscribers now; a snapshot that later joins and leaves do not change. */
    Subscription[] subscribers() {
        return subscribers;
    }

    void add(Subscription subscription) {
        var now = subscribers;
        var more = Arrays.copyOf(now, now.length + 1);
        more[now.length] = subscription;
        subscribers = more;
    }

    /** Removes a subscriber if present; returns whether none are left. */
    boolean remove(Subscription subscription) {
        var now = subscribers;
        for (int i = 0; i < now.length; i++) {
            if (now[i] == subscription) {
                var fewer = new Subscription[now.length - 1];
                System.arraycopy(now, 0, fewer, 0, i);
                System.arraycopy(now, i + 1, fewer, i, now.length - i - 1);
                subscribers = fewer;
                break;
            }
        }
        return subscribers.length == 0;
    }
}
