package dev.strand.internal.sse;

import dev.strand.sse.SseEvent;
import java.util.function.Function;

/** The text/event-stream wire format of one {@link SseEvent}. */
final class EventFormat {

    private EventFormat() {
    }

    /** The event in the wire format, ending with the blank line that dispatches it. */
    static String format(SseEvent e, Function<Object, String> json) {
        var sb = new StringBuilder(64);
        if (e.comment() != null) lines(sb, ":", e.comment());
        if (e.event() != null) sb.append("event: ").append(field(e.event())).append('\n');
        if (e.id() != null) sb.append("id: ").append(field(e.id())).append('\n');
        if (e.retry() != null) sb.append("retry: ").append(e.retry()).append('\n');
        if (e.data() != null) lines(sb, "data:", e.data() instanceof String s ? s : json.apply(e.data()));
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
