package dev.strand.sse;

import java.time.Duration;

/**
 * One Server-Sent Event, sent with {@code ctx.sendEvent(...)}: data (text as it is, any other
 * value as JSON, several lines as several {@code data:} lines), and optionally an event name, an
 * id and a reconnection delay. CR and LF in the name and id are removed, since they would end
 * the field early.
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
 */
public record SseEvent(Object data, String event, String id, Long retry, String comment) {

    /** An event carrying {@code data}: a String as it is, anything else written as JSON. */
    public static SseEvent data(Object data) {
        if (data == null) throw new IllegalArgumentException("SSE data must not be null; send a comment instead");
        return new SseEvent(data, null, null, null, null);
    }

    /** A comment line, ignored by browsers; useful to keep a connection open. */
    public static SseEvent comment(String text) {
        return new SseEvent(null, null, null, null, text);
    }

    /** The same event with a name; browsers dispatch it to {@code addEventListener(name, ...)}. */
    public SseEvent event(String name) {
        return new SseEvent(data, name, id, retry, comment);
    }

    /** The same event with an id. */
    public SseEvent id(String eventId) {
        return new SseEvent(data, event, eventId, retry, comment);
    }

    /** The same event with a numeric id. */
    public SseEvent id(long eventId) {
        return id(Long.toString(eventId));
    }

    /** The same event telling the browser how long to wait before reconnecting. */
    public SseEvent retry(Duration delay) {
        return new SseEvent(data, event, id, delay.toMillis(), comment);
    }

    /** The same event with a reconnection delay in milliseconds. */
    public SseEvent retry(long millis) {
        return new SseEvent(data, event, id, millis, comment);
    }
}
