package dev.strand.broadcast;

import java.time.Duration;
import java.util.Objects;

/**
 * Which topics keep a history, and how much: from {@link Hub.Builder#history}.
 *
 * @param topics a topic name, or a prefix followed by {@code *}
 * @param count  the most messages kept per topic
 * @param maxAge the oldest a kept message may be
 */
record HistoryRule(String topics, int count, Duration maxAge) {
    HistoryRule {
        Objects.requireNonNull(topics, "topics");
        if (count < 1) throw new IllegalArgumentException("a history keeps at least 1 message, not " + count);
        if (maxAge.isNegative() || maxAge.isZero()) throw new IllegalArgumentException("a history's age limit must be positive: " + maxAge);
    }

    boolean covers(String topic) {
        return topics.endsWith("*") ? topic.startsWith(topics.substring(0, topics.length() - 1)) : topic.equals(topics);
    }

    History newHistory() {
        return new History(count, maxAge);
    }
}
