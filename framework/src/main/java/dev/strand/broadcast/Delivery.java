package dev.strand.broadcast;

import java.util.Objects;

/**
 * What a {@link Subscription} hands its reader: the next message, or word that older messages
 * were dropped because the reader fell behind.
 *
 * {@snippet :
 * for (Delivery d; (d = subscription.receive()) != null; ) {
 *     switch (d) {
 *         case Delivery.Message(var text) -> show(text);
 *         case Delivery.Lagged(var missed) -> warn(missed + " messages skipped");
 *     }
 * }
 * }
 */
public sealed interface Delivery {

    /**
     * A message published to the topic.
     *
     * @param text the message as published
     */
    record Message(String text) implements Delivery {
        /**
         * Checks the message.
         *
         * @throws NullPointerException for {@code null} text
         */
        public Message {
            Objects.requireNonNull(text, "text");
        }
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
