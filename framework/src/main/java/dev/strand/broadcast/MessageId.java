package dev.strand.broadcast;

/**
 * The id of a message kept in a topic's history: ordered within its topic, on every instance.
 * Its text form, {@code <milliseconds>-<sequence>} (the form of a Redis Stream entry id), is what
 * SSE events carry as {@code id:} and what a client hands back to resume; treat it as opaque.
 *
 * <p>With a Redis hub the id is the one Redis gave the entry when it appended it to the topic's
 * stream, so the order is Redis's, the same on every instance. In one process the hub makes ids
 * the same way: the clock's milliseconds, and a sequence within a millisecond, never going
 * backwards. Either way an id from an earlier run, or from another topic, is not in this topic's
 * history, and resuming from it yields {@link Delivery.Gap}, never a silent gap.
 *
 * @param millis   the milliseconds part, at least 0
 * @param sequence the sequence within those milliseconds, at least 0
 */
public record MessageId(long millis, long sequence) implements Comparable<MessageId> {
    /** The longest text form: two 20-digit numbers and the dash; longer input is refused unparsed. */
    private static final int MAX_LENGTH = 41;

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException for a negative part
     */
    public MessageId {
        if (millis < 0 || sequence < 0) throw new IllegalArgumentException("a message id's parts are not negative: " + millis + "-" + sequence);
    }

    /**
     * Reads an id from its text form, as sent in an SSE {@code id:} field or handed back as
     * {@code Last-Event-ID}. A handler parameter {@code MessageId after} without annotation is
     * bound to the client's resume point ({@link dev.strand.Context#resumeFrom()}), and
     * {@code @Header}/{@code @QueryParam} ones to what they name; a malformed one is refused with 400.
     *
     * @param text {@code <milliseconds>-<sequence>}, decimal
     * @return the id
     * @throws IllegalArgumentException if the text is not a message id
     */
    public static MessageId valueOf(String text) {
        int dash = text.indexOf('-');
        if (text.length() > MAX_LENGTH || dash < 1 || dash == text.length() - 1) throw malformed();
        try {
            return new MessageId(digits(text, 0, dash), digits(text, dash + 1, text.length()));
        } catch (NumberFormatException e) {
            throw malformed();
        }
    }

    /** Only ASCII digits: {@code Long.parseLong} would also take a sign, and other scripts' digits. */
    private static long digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') throw new NumberFormatException();
        }
        return Long.parseLong(text, from, to, 10);
    }

    private static IllegalArgumentException malformed() {
        return new IllegalArgumentException("not a message id: expected <milliseconds>-<sequence>, as sent in an event's id");
    }

    /** {@return the id after this one within the same millisecond} */
    MessageId next() {
        return new MessageId(millis, sequence + 1);
    }

    @Override
    public int compareTo(MessageId other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
    }

    /** {@return the text form, {@code <milliseconds>-<sequence>}} */
    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
