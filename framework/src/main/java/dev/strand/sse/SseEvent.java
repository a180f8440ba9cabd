package dev.strand.sse;

import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Pattern;

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
    /** C0 controls but TAB, and DEL: what an HTTP field value may not hold (RFC 9110, 5.5). */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0A-\\x1F\\x7F]");

    public SseEvent {
        // Browsers ignore a retry field that is not all digits, so a negative delay would be lost silently.
        if (retry != null && retry < 0) throw new IllegalArgumentException("SSE retry must be >= 0 ms, was " + retry);
    }

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

    /**
     * The same event telling the browser how long to wait before reconnecting.
     *
     * @throws IllegalArgumentException when the delay is negative
     */
    public SseEvent retry(Duration delay) {
        return new SseEvent(data, event, id, delay.toMillis(), comment);
    }

    /**
     * The same event with a reconnection delay in milliseconds.
     *
     * @throws IllegalArgumentException when {@code millis} is negative
     */
    public SseEvent retry(long millis) {
        return new SseEvent(data, event, id, millis, comment);
    }

    /** The event in the wire format, ending with the blank line that dispatches it. */
    String format(Function<Object, String> json) {
        var sb = new StringBuilder(64);
        if (comment != null) lines(sb, ":", comment);
        if (event != null) sb.append("event: ").append(field(event)).append('\n');
        if (id != null) sb.append("id: ").append(CONTROL.matcher(id).replaceAll("")).append('\n');
        if (retry != null) sb.append("retry: ").append(retry).append('\n');
        if (data != null) lines(sb, "data:", data instanceof String s ? s : json.apply(data));
        return sb.append('\n').toString();
    }

    private static void lines(StringBuilder sb, String prefix, String text) {
        for (var line : text.split("\r\n|\r|\n", -1)) {
            sb.append(prefix);
            if (!line.isEmpty()) sb.append(' ').append(line);
            sb.append('\n');
        }
    }

    private static String field(String value) {
        return value.replace("\r", "").replace("\n", "").replace("\0", "");
    }
}
