package dev.strand.broadcast;

/**
 * A change in who is present in a topic, across every instance: what {@link Presence#watch}
 * listeners get. A key joins when its first connection anywhere is tracked, and leaves when its
 * last one ends (or the instance holding it stops answering).
 */
public sealed interface PresenceChange {
    /** {@return the topic whose members changed} */
    String topic();

    /** {@return the member's key, e.g. a user name} */
    String key();

    /**
     * A key became present in the topic.
     *
     * @param topic the topic
     * @param key   the member's key
     * @param meta  the metadata it was tracked with
     */
    record Joined(String topic, String key, String meta) implements PresenceChange {
    }

    /**
     * A key is no longer present in the topic: its last connection ended.
     *
     * @param topic the topic
     * @param key   the member's key
     */
    record Left(String topic, String key) implements PresenceChange {
    }
}
