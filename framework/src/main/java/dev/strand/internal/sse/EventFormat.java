package dev.strand.internal.sse;

import dev.strand.sse.SseEvent;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The text/event-stream wire format of one {@link SseEvent}. */
final class EventFormat {
    /**
     * C0 controls but TAB, and DEL: what an HTTP field value may not hold (RFC 9110 §5.5), so an id
     * holding one could not come back in the {@code Last-Event-ID} header a reconnecting browser sends.
     */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0A-\\x1F\\x7F]");

    private EventFormat() {
    }

    /** The event in the wire format, ending with the blank line that dispatches it. */
    static String format(SseEvent e, Function<Object, String> json) {
        var sb = new StringBuilder(64);
        if (e.comment() != null) lines(sb, ":", e.comment());
        if (e.event() != null) sb.append("event: ").append(field(e.event())).append('\n');
        if (e.id() != null) sb.append("id: ").append(CONTROL.matcher(e.id()).replaceAll("")).append('\n');
        if (e.retry() != null) sb.append("retry: ").append(e.retry()).append('\n');
        if (e.data() != null) lines(sb, "data:", e.data() instanceof String s ? s : json.apply(e.data()));
        return sb.append('\n').toString();
    }

    /**
     * One field per line of {@code text}, a line ending at CR LF, CR or LF as the WHATWG parser
     * splits them. Scanned by hand: {@code String.split} with this pattern compiles a regex on every
     * call, once per event per stream.
     */
    private static void lines(StringBuilder sb, String prefix, String text) {
        int start = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c != '\r' && c != '\n') continue;
            sb.append(prefix);
            if (i > start) sb.append(' ').append(text, start, i);
            sb.append('\n');
            if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
            start = i + 1;
        }
    }

    private static String field(String value) {
        return value.replace("\r", "").replace("\n", "").replace("\0", "");
    }
}
