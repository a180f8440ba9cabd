package dev.strand.sse;

import java.time.Duration;

/**
 * One Server-Sent Event, sent with {@code ctx.sendEvent(...)}: data (text as it is, any other
 * value as JSON, several lines as several {@code data:} lines), and optionally an event name, an
 * id and a reconnection delay. CR, LF and NUL in the name and id are removed, since they would
 * end the field early; so are the id's other control characters, which HTTP does not allow in the
 * {@code Last-Event-ID} header a reconnecting browser sends it back in.
 *
 * {@snippet :
 * ctx.sendEvent(SseEvent.data(quote).event("quote").id(seq));
 * ctx.sendEvent(SseEvent.comment("still here"));
 * }
 *
 * @param data    the payload, or {@code null} for a comment
 * @param event   the event name ({@code event:} field), or {@code null}
 * @param id      the event id ({@code id:} field) the browser sends back as {@code Last-Event-ID}, or {@code null}
 * @param retry   the reconnection delay in milliseconds ({@code retry:} field), or {@code null}
 * @param comment a comment ({@code :} lines), or {@code null}
 * @throws IllegalArgumentException when {@code retry} is negative
 */
public record SseEvent(Object data, String event, String id, Long retry, String comment) {
    public SseEvent {
        // Browsers ignore a retry field that is not all digits, so a negative delay would be lost silently.
        if (retry != null && retry < 0) throw new IllegalArgumentException("SSE retry must be >= 0 ms, was " + retry);
    }

    /**
     * {@return an event carrying {@code data}}
     *
     * @param data a String, sent as it is (each line its own {@code data:} line), or any other
     *             value, written as JSON with the server's codec
     * @throws IllegalArgumentException for {@code null}; send a {@link #comment} instead
     */
    public static SseEvent data(Object data) {
        if (data == null) throw new IllegalArgumentException("SSE data must not be null; send a comment instead");
        return new SseEvent(data, null, null, null, null);
    }

    /**
     * {@return a comment line, ignored by browsers; useful to keep a connection open}
     *
     * @param text the comment; each line becomes its own {@code :} line
     */
    public static SseEvent comment(String text) {
        return new SseEvent(null, null, null, null, text);
    }

    /**
     * {@return the same event with a name; browsers dispatch it to {@code addEventListener(name, ...)}}
     *
     * @param name the {@code event:} field; CR and LF are removed
     */
    public SseEvent event(String name) {
        return new SseEvent(data, name, id, retry, comment);
    }

    /**
     * {@return the same event with an id, which the browser sends back as {@code Last-Event-ID} when it reconnects}
     *
     * @param eventId the {@code id:} field; CR and LF are removed
     */
    public SseEvent id(String eventId) {
        return new SseEvent(data, event, eventId, retry, comment);
    }

    /**
     * {@return the same event with a numeric id, like {@link #id(String)}}
     *
     * @param eventId the {@code id:} field
     */
    public SseEvent id(long eventId) {
        return id(Long.toString(eventId));
    }

    /**
     * {@return the same event telling the browser how long to wait before reconnecting}
     *
     * @param delay the {@code retry:} field, sent in whole milliseconds
     * @throws IllegalArgumentException when the delay is negative
     */
    public SseEvent retry(Duration delay) {
        return new SseEvent(data, event, id, delay.toMillis(), comment);
    }

    /**
     * {@return the same event with a reconnection delay, like {@link #retry(Duration)}}
     *
     * @param millis the {@code retry:} field, in milliseconds
     * @throws IllegalArgumentException when {@code millis} is negative
     */
    public SseEvent retry(long millis) {
        return new SseEvent(data, event, id, millis, comment);
    }
}
