package dev.strand.internal.sse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a browser's {@code EventSource} makes of a stream: the WHATWG HTML "event stream
 * interpretation" algorithm, step by step, written from the specification so tests can check
 * Strand's encoding against it rather than against itself.
 */
final class EventStreamParser {
    /** One dispatched event, as {@code MessageEvent} exposes it. */
    record Dispatched(String type, String data, String lastEventId) {}

    private final List<Dispatched> events = new ArrayList<>();
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventIdBuffer = "";
    private String lastEventId = "";
    private Long reconnectionTime;

    /** Parses a whole stream; an event not ended by a blank line is discarded, as at end of stream. */
    static EventStreamParser parse(byte[] stream) {
        var parser = new EventStreamParser();
        var text = new String(stream, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                parser.line(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        return parser;
    }

    List<Dispatched> events() {
        return events;
    }

    /** The source's last event ID after the stream: what a reconnect sends as {@code Last-Event-ID}. */
    String lastEventId() {
        return lastEventId;
    }

    /** The reconnection time the stream set, or {@code null}. */
    Long reconnectionTime() {
        return reconnectionTime;
    }

    private void line(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.startsWith(":")) return;
        int colon = line.indexOf(':');
        var field = colon < 0 ? line : line.substring(0, colon);
        var value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) value = value.substring(1);
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> data.append(value).append('\n');
            case "id" -> {
                if (value.indexOf('\0') < 0) lastEventIdBuffer = value;
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    reconnectionTime = Long.parseLong(value);
                }
            }
            default -> { }
        }
    }

    private void dispatch() {
        lastEventId = lastEventIdBuffer;
        if (data.isEmpty()) {
            eventType = "";
            return;
        }
        if (data.charAt(data.length() - 1) == '\n') data.setLength(data.length() - 1);
        events.add(new Dispatched(eventType.isEmpty() ? "message" : eventType, data.toString(), lastEventId));
        data.setLength(0);
        eventType = "";
    }
}
