package dev.strand.internal.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strand.fuzz.FuzzInput;
import dev.strand.sse.SseEvent;
import dev.strand.internal.json.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;

/**
 * SSE encoding against the WHATWG parsing algorithm. Events built from arbitrary text (CR, LF,
 * CRLF, NUL, blank lines, {@code data:} and {@code id:} look-alikes included) and sent one after
 * another parse back to exactly one event each that carries data, with exactly the data given
 * (line breaks normalised to LF, as the algorithm does), the name given less CR, LF and NUL, the id
 * given less every control character but TAB (it goes back in an HTTP header), and the retry given; comments dispatch nothing. So no field and no
 * event can be injected through any value.
 */
class SseEventFuzzTest {
    private static final JsonCodec CODEC = new JsonCodec();

    /**
     * The input holds events of six fields each: flags, data, event name, id, retry, comment.
     * Flag bits say which are present (1 data, 2 name, 4 id, 8 retry, 16 comment) and 32 sends
     * the data as JSON ({@code {"text": data}}) instead of text.
     */
    @FuzzTest
    void eventsParseBackToExactlyTheirFields(byte[] input) {
        var fields = FuzzInput.fields(input);
        var stream = new ByteArrayOutputStream();
        var expected = new ArrayList<EventStreamParser.Dispatched>();
        String lastId = "";
        Long retry = null;
        for (int at = 0; at + 6 <= fields.size(); at += 6) {
            int flags = fields.get(at).isEmpty() ? 0 : fields.get(at).charAt(0);
            var text = fields.get(at + 1);
            boolean json = (flags & 32) != 0;
            SseEvent event = (flags & 1) != 0 ? SseEvent.data(json ? Map.of("text", text) : text) : SseEvent.comment(fields.get(at + 5));
            if ((flags & 16) != 0 && (flags & 1) != 0) {
                event = new SseEvent(event.data(), null, null, null, fields.get(at + 5));
            }
            if ((flags & 2) != 0) event = event.event(fields.get(at + 2));
            if ((flags & 4) != 0) {
                event = event.id(fields.get(at + 3));
                lastId = fields.get(at + 3).replaceAll("[\\x00-\\x08\\x0A-\\x1F\\x7F]", "");
            }
            if ((flags & 8) != 0) {
                Long millis = parseLong(fields.get(at + 4));
                if (millis != null && millis < 0) {
                    assertThrows(IllegalArgumentException.class, () -> SseEvent.data("x").retry(millis));
                } else if (millis != null) {
                    event = event.retry(millis);
                    retry = millis;
                }
            }
            stream.writeBytes(EventFormat.format(event, v -> new String(CODEC.write(v), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            if ((flags & 1) != 0) {
                var type = (flags & 2) != 0 ? withoutLineBreaksOrNul(fields.get(at + 2)) : "";
                var data = json ? new String(CODEC.write(Map.of("text", text)), StandardCharsets.UTF_8) : text.replaceAll("\r\n|\r", "\n");
                expected.add(new EventStreamParser.Dispatched(type.isEmpty() ? "message" : type, data, lastId));
            }
        }
        var parsed = EventStreamParser.parse(stream.toByteArray());
        assertEquals(expected, parsed.events(), () -> "stream: " + stream.toString(StandardCharsets.UTF_8));
        assertEquals(lastId, parsed.lastEventId());
        assertEquals(retry, parsed.reconnectionTime());
    }

    private static String withoutLineBreaksOrNul(String s) {
        return s.replace("\r", "").replace("\n", "").replace("\0", "");
    }

    private static Long parseLong(String s) {
        try {
            return Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
