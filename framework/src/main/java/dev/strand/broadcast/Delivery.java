package dev.strand.broadcast;

import java.util.Objects;

/**
 * What a {@link Subscription} hands its reader: the next message, word that older messages
 * were dropped because the reader fell behind, or word that a resumed subscription could not
 * pick up where it left off.
 *
 * {@snippet :
 * for (Delivery d; (d = subscription.receive()) != null; ) {
 *     switch (d) {
 *         case Delivery.Message(var text, var id) -> show(text);
 *         case Delivery.Lagged(var missed) -> warn(missed + " messages skipped");
 *         case Delivery.Gap() -> clearScreen();   // what follows is the whole history kept
 *     }
 * }
 * }
 */
public sealed interface Delivery {

    /**
     * A message published to the topic.
     *
     * @param text the message as published
     * @param id   its place in the topic's history, to resume after; {@code null} when the topic
     *             keeps no history ({@link Hub.Builder#history})
     */
    record Message(String text, MessageId id) implements Delivery {
        /**
         * Checks the message.
         *
         * @throws NullPointerException for {@code null} text
         */
        public Message {
            Objects.requireNonNull(text, "text");
        }

        /**
         * A message without an id, as on a topic that keeps no history.
         *
         * @param text the message as published
         */
        public Message(String text) {
            this(text, null);
        }
    }

    /**
     * A subscription resumed after an id that is no longer in the topic's history (it aged out or
     * was pushed out, the history was lost with a restart, or the id is from elsewhere): messages
     * after it may be missing. What follows is the whole history the topic still keeps, oldest
     * first, then the live messages; a reader that shows state should start it afresh.
     */
    record Gap() implements Delivery {
    }

    /**
     * The subscriber fell behind: its buffer was full, so the oldest {@code missed} messages were
     * dropped to make room. The deliveries that follow are the oldest messages still kept, in
     * order.
     *
     * @param missed how many messages were dropped since the last delivery, at least 1
     */
    record Lagged(long missed) implements Delivery {
        /**
         * Checks the count.
         *
         * @throws IllegalArgumentException for a count under 1
         */
        public Lagged {
            if (missed < 1) throw new IllegalArgumentException("missed must be at least 1, not " + missed);
        }
    }
}
